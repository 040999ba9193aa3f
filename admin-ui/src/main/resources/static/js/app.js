// The app shell: a hash router over the views, sign-in gate, and each view's timers stopped on
// navigation. Every view is render(main, route, ctx) -> cleanup function.

import { token, signOut } from './api.js';
import { toast } from './dom.js';
import * as signin from './views/signin.js';
import * as mounts from './views/mounts.js';
import * as create from './views/create.js';
import * as files from './views/files.js';
import * as stats from './views/stats.js';

let cleanup = null;
let generation = 0;
let signInNotice = null;

function parse() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query] = raw.split('?');
  return {
    segments: path.split('/').filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(query || ''),
  };
}

function pick(route) {
  const [first, name, sub] = route.segments;
  if (!token()) return { view: signin, nav: null, title: 'Sign in' };
  if (first === 'new') return { view: create, nav: 'new', title: 'New mount' };
  if (first === 'mounts' && name && sub === 'files') return { view: files, nav: 'mounts', title: `${name} · files` };
  if (first === 'mounts' && name && sub === 'stats') return { view: stats, nav: 'mounts', title: `${name} · statistics` };
  return { view: mounts, nav: 'mounts', title: 'Mounts' };
}

function render() {
  if (cleanup) {
    cleanup();
    cleanup = null;
  }
  const gen = ++generation;
  const route = parse();
  const { view, nav, title } = pick(route);
  const main = document.getElementById('main');
  document.getElementById('topnav').hidden = !token();
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = `${title} · transfuse`;
  main.replaceChildren();
  const ctx = { alive: () => gen === generation, notice: signInNotice };
  signInNotice = null;
  cleanup = view.render(main, route, ctx) || null;
  // a view that does not focus a field of its own starts keyboard and screen reader users at
  // its content rather than at the top of the page
  if (document.activeElement === document.body || !document.activeElement) main.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', render);

// A 401 on a stored token (rotated, or the service's state dir changed): back to sign-in.
window.addEventListener('transfuse:unauthorized', () => {
  signInNotice = 'The service no longer accepts your token. Sign in again.';
  render();
});

document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  toast('Signed out');
  if (location.hash === '#/' || location.hash === '') render();
  else location.hash = '#/';
});

render();
