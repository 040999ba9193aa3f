// Sign in with the API token. The token is checked against the API before it is kept, and only
// in session storage: closing the tab (or signing out) forgets it.

import { call, signIn } from '../api.js';
import { h } from '../dom.js';

export function render(main, route, ctx) {
  const input = h('input', {
    type: 'password', id: 'token', name: 'token', autocomplete: 'current-password', spellcheck: 'false',
    placeholder: 'paste the API token', 'aria-describedby': 'token-hint',
  });
  const error = h('div', { class: 'notice notice-error', id: 'signin-error', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit', class: 'btn btn-primary', id: 'signin-submit' }, 'Sign in');
  const form = h('form', { class: 'card signin', id: 'signin-form', novalidate: true },
    h('div', { class: 'card-body' },
      h('h1', {}, 'Sign in to transfuse'),
      h('p', {}, 'Manage and browse your mounts. The service keeps its API token in ',
        h('code', {}, 'api-token'), ' in its state directory; ', h('code', {}, 'bin/transfuse token'),
        ' prints it.'),
      ctx.notice ? h('div', { class: 'notice notice-warn', role: 'status' }, ctx.notice) : null,
      error,
      h('div', { class: 'field' },
        h('label', { for: 'token' }, 'API token'),
        input,
        h('span', { class: 'hint', id: 'token-hint' }, 'Kept in this tab only, until you sign out.')),
      button));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = input.value.trim();
    error.hidden = true;
    if (!value) {
      showError('Enter the API token.');
      return;
    }
    button.disabled = true;
    button.replaceChildren(h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Checking…');
    try {
      await call('/mounts', { with: value });
      signIn(value);
      if (!location.hash || location.hash === '#/signin') location.hash = '#/';
      else window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (err) {
      showError(err.status === 401 ? 'That token was not accepted. Check it and try again.' : err.message);
      button.disabled = false;
      button.replaceChildren('Sign in');
    }
  });

  function showError(message) {
    error.replaceChildren(h('div', {}, h('strong', {}, 'Sign-in failed'), message));
    error.hidden = false;
    input.focus();
  }

  main.append(form);
  input.focus();
}
