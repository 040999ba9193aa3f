// Create a mount: one set of fields per store type, the mount itself, and the cache options
// with their defaults. The service validates; its problem's `field` puts the message beside
// the field it concerns, and anything without a field goes in the banner at the top.

import { api } from '../api.js';
import { h, toast } from '../dom.js';

const TYPES = [
  { id: 's3', label: 'S3' },
  { id: 'sftp', label: 'SFTP' },
  { id: 'http', label: 'HTTP' },
  { id: 'file', label: 'Local folder' },
];

// Cache and kernel options, with the service's defaults as placeholders.
const OPTIONS = [
  { key: 'metadataTtl', label: 'Metadata TTL', dflt: '60s', hint: 'How long names and attributes are trusted' },
  { key: 'kernelTtl', label: 'Kernel TTL', dflt: '1m', hint: 'How long the kernel answers lookups itself' },
  { key: 'pollInterval', label: 'Poll interval', dflt: 'off', hint: 'Revalidate cached entries in the background' },
  { key: 'cacheMaxBytes', label: 'Cache size', dflt: '4GiB', hint: 'Disk block cache limit' },
  { key: 'blockSize', label: 'Block size', dflt: '1MiB', hint: 'Unit of fetching and caching' },
  { key: 'readAhead', label: 'Read-ahead', dflt: '64MiB', hint: 'Fetched ahead of sequential reads' },
  { key: 'cacheDir', label: 'Cache directory', dflt: 'in the state directory', hint: 'Where cached blocks live' },
  { key: 'uid', label: 'Owner uid', dflt: 'the service\'s', hint: 'Numeric user id of every file' },
  { key: 'gid', label: 'Group gid', dflt: 'the service\'s', hint: 'Numeric group id of every file' },
  { key: 'fileMode', label: 'File mode', dflt: '0644', hint: 'Octal permission bits' },
  { key: 'dirMode', label: 'Directory mode', dflt: '0755', hint: 'Octal permission bits' },
];

export function render(main, route, ctx) {
  const form = h('form', { class: 'stack', id: 'create-form', novalidate: true });
  const fields = new Map(); // field id -> {wrap, input, error}
  const banner = h('div', { class: 'notice notice-error', id: 'form-error', role: 'alert', hidden: true, tabindex: '-1' });

  function field(id, label, { type = 'text', placeholder, hint, wide = false, value, options, autocomplete = 'off', textarea = false } = {}) {
    const inputId = `f-${id.replace(/\./g, '-')}`;
    const errId = `${inputId}-error`;
    const hintId = `${inputId}-hint`;
    let input;
    if (options) {
      input = h('select', { id: inputId, name: id }, options.map(([v, t]) => h('option', { value: v }, t)));
      if (value) input.value = value;
    } else if (textarea) {
      input = h('textarea', { id: inputId, name: id, placeholder, spellcheck: 'false' });
    } else {
      input = h('input', { id: inputId, name: id, type, placeholder, autocomplete, spellcheck: 'false', value });
    }
    input.setAttribute('aria-describedby', `${hint ? hintId : ''} ${errId}`.trim());
    const error = h('div', { class: 'field-error', id: errId, hidden: true });
    const wrap = h('div', { class: `field${wide ? ' wide' : ''}`, 'data-field': id },
      h('label', { for: inputId }, label), input, hint ? h('span', { class: 'hint', id: hintId }, hint) : null, error);
    fields.set(id, { wrap, input, error });
    return wrap;
  }

  function check(id, label, hint) {
    const inputId = `f-${id.replace(/\./g, '-')}`;
    const input = h('input', { type: 'checkbox', id: inputId, name: id });
    const error = h('div', { class: 'field-error', id: `${inputId}-error`, hidden: true });
    const wrap = h('div', { class: 'field', 'data-field': id },
      h('label', { class: 'check', for: inputId }, input, label), hint ? h('span', { class: 'hint' }, hint) : null, error);
    fields.set(id, { wrap, input, error });
    return wrap;
  }

  const val = (id) => (fields.get(id).input.value || '').trim();
  const checked = (id) => fields.get(id).input.checked;

  // store type switch
  const typeGroup = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': 'Store type' },
    TYPES.map((t, i) => h('label', {}, h('input', { type: 'radio', name: 'storeType', value: t.id, id: `type-${t.id}`, checked: i === 0 }), t.label)));
  const panels = {
    s3: h('div', { class: 'grid', 'data-type': 's3' },
      field('s3.bucket', 'Bucket', { placeholder: 'my-bucket' }),
      field('s3.prefix', 'Prefix', { placeholder: 'optional/sub/folder', hint: 'Mount only keys under this prefix' }),
      field('options.endpoint', 'Endpoint', { placeholder: 'AWS default', hint: 'For S3-compatible stores, e.g. http://127.0.0.1:9000' }),
      field('options.region', 'Region', { placeholder: 'us-east-1' }),
      field('credentials.accessKey', 'Access key', { placeholder: 'default credentials chain' }),
      field('credentials.secretKey', 'Secret key', { type: 'password', autocomplete: 'new-password' }),
      check('options.pathStyle', 'Path-style addressing', 'Needed by most S3-compatible servers')),
    sftp: h('div', { class: 'grid', 'data-type': 'sftp', hidden: true },
      field('sftp.host', 'Host', { placeholder: 'sftp.example.com' }),
      field('sftp.port', 'Port', { type: 'number', placeholder: '22' }),
      field('sftp.user', 'User', { placeholder: 'deploy' }),
      field('sftp.path', 'Remote path', { placeholder: '/srv/data' }),
      field('credentials.password', 'Password', { type: 'password', autocomplete: 'new-password', hint: 'Or a private key below' }),
      field('options.hostKeyPolicy', 'Host key policy', { options: [['strict', 'strict: must be in known_hosts'], ['accept-new', 'accept-new: trust on first use']] }),
      field('credentials.privateKey', 'Private key', { textarea: true, wide: true, placeholder: '-----BEGIN OPENSSH PRIVATE KEY-----' }),
      field('credentials.passphrase', 'Key passphrase', { type: 'password', autocomplete: 'new-password' }),
      field('options.knownHostsFile', 'known_hosts file', { placeholder: '~/.ssh/known_hosts' })),
    http: h('div', { class: 'grid', 'data-type': 'http', hidden: true },
      field('http.url', 'URL', { wide: true, placeholder: 'https://downloads.example.com/pub/', hint: 'A directory whose index page lists its files' })),
    file: h('div', { class: 'grid', 'data-type': 'file', hidden: true },
      field('file.path', 'Folder', { wide: true, placeholder: '/srv/exports', hint: 'An absolute path on this machine' })),
  };
  const sourcePreview = h('div', { class: 'source-preview', id: 'source-preview', 'aria-live': 'polite' });
  const sourceError = h('div', { class: 'field-error', id: 'f-source-error', hidden: true });
  fields.set('source', { wrap: null, input: null, error: sourceError });

  const storeSet = h('fieldset', {},
    h('legend', {}, 'Store'),
    h('div', { style: 'display:grid;gap:1rem' }, typeGroup, Object.values(panels),
      h('div', { class: 'field' }, h('span', { class: 'label' }, 'Source'), sourcePreview, sourceError)));

  const mountSet = h('fieldset', {},
    h('legend', {}, 'Mount'),
    h('div', { class: 'grid' },
      field('name', 'Name', { placeholder: 'photos', hint: 'Letters, digits, . _ -' }),
      field('mountPoint', 'Mountpoint', { placeholder: '/mnt/photos', hint: 'An empty directory under an allowed mount root' }),
      check('readOnly', 'Read-only', 'Refuse writes through the mount'),
      check('options.allowOther', 'Allow other users', 'Let users other than the service\'s read the mount')));

  const optionsError = h('div', { class: 'field-error', id: 'f-options-error', hidden: true });
  fields.set('options', { wrap: null, input: null, error: optionsError });
  const details = h('details', { class: 'options', id: 'cache-options' },
    h('summary', {}, 'Cache and kernel options', h('span', { class: 'hint muted', style: 'font-weight:400;font-size:.85rem' }, 'leave empty for the defaults')),
    h('div', { class: 'grid' },
      OPTIONS.map((o) => field(`options.${o.key}`, o.label, { placeholder: o.dflt, hint: `${o.hint} (default ${o.dflt})` })),
      h('div', { class: 'wide' }, optionsError)));
  const optionsSet = h('fieldset', {}, details);

  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'create-submit' }, 'Create mount');
  form.append(mountSet, storeSet, optionsSet,
    h('div', { class: 'form-actions' }, h('a', { class: 'btn', href: '#/' }, 'Cancel'), submit));

  main.append(
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'New mount'),
      h('div', { class: 'sub' }, 'The store is checked and mounted before the mount is saved.'))),
    banner, form);

  const currentType = () => form.querySelector('input[name="storeType"]:checked').value;

  function buildSource() {
    switch (currentType()) {
      case 's3': {
        const bucket = val('s3.bucket');
        const prefix = val('s3.prefix').replace(/^\/+|\/+$/g, '');
        return bucket ? `s3://${bucket}${prefix ? `/${prefix}` : ''}` : '';
      }
      case 'sftp': {
        const host = val('sftp.host');
        if (!host) return '';
        const user = val('sftp.user');
        const port = val('sftp.port');
        let path = val('sftp.path') || '/';
        if (!path.startsWith('/')) path = `/${path}`;
        return `sftp://${user ? `${encodeURIComponent(user)}@` : ''}${host}${port ? `:${port}` : ''}${path}`;
      }
      case 'http':
        return val('http.url');
      default: {
        const p = val('file.path');
        return p ? `file://${p.startsWith('/') ? '' : '/'}${p}` : '';
      }
    }
  }

  function buildRequest() {
    const type = currentType();
    const options = {};
    const credentials = {};
    for (const [id, f] of fields) {
      if (!f.input || !f.wrap) continue;
      const panel = f.wrap.closest('[data-type]');
      if (panel && panel.dataset.type !== type) continue; // another store type's field
      if (id.startsWith('options.')) {
        const key = id.slice(8);
        if (f.input.type === 'checkbox') {
          if (f.input.checked) options[key] = 'true';
        } else if (f.input.value.trim()) {
          options[key] = f.input.value.trim();
        }
      } else if (id.startsWith('credentials.') && f.input.value) {
        credentials[id.slice(12)] = id === 'credentials.privateKey' ? f.input.value : f.input.value.trim();
      }
    }
    if (type !== 'sftp') delete options.hostKeyPolicy;
    else if (options.hostKeyPolicy === 'strict') delete options.hostKeyPolicy; // the default
    return {
      name: val('name'),
      source: buildSource(),
      mountPoint: val('mountPoint'),
      readOnly: checked('readOnly'),
      options,
      credentials,
    };
  }

  function showType() {
    const type = currentType();
    for (const [id, panel] of Object.entries(panels)) panel.hidden = id !== type;
    updatePreview();
  }

  function updatePreview() {
    const src = buildSource();
    sourcePreview.textContent = src || 'fill in the fields above';
  }

  function clearErrors() {
    banner.hidden = true;
    for (const f of fields.values()) {
      f.error.hidden = true;
      f.error.textContent = '';
      if (f.wrap) f.wrap.classList.remove('invalid');
      if (f.input) f.input.removeAttribute('aria-invalid');
    }
  }

  /** The field a problem names, mapped to this form: `source` lands on the store's main field. */
  function fieldFor(name) {
    if (!name) return null;
    const f = fields.get(name);
    if (f && f.wrap && !f.wrap.closest('[hidden]')) return f;
    if (name === 'source') return fields.get('source');
    if (name === 'options' || name.startsWith('options.')) return fields.get('options');
    return null;
  }

  function showProblem(e) {
    const f = fieldFor(e.field);
    if (f) {
      f.error.textContent = e.message;
      f.error.hidden = false;
      if (f.wrap) f.wrap.classList.add('invalid');
      if (f.input) {
        f.input.setAttribute('aria-invalid', 'true');
        if (f.wrap.closest('details')) f.wrap.closest('details').open = true;
        f.input.focus();
      } else if (f === fields.get('options')) {
        details.open = true;
        optionsError.scrollIntoView({ block: 'center' });
      } else {
        sourceError.scrollIntoView({ block: 'center' });
      }
      if (f === fields.get('source')) markSourceInputs();
    }
    banner.replaceChildren(h('div', {}, h('strong', {}, e.problem.title || 'The mount was not created'),
      f ? 'See the message beside the field.' : e.message));
    banner.hidden = false;
    if (!f) banner.focus();
  }

  function markSourceInputs() {
    const main = { s3: 's3.bucket', sftp: 'sftp.host', http: 'http.url', file: 'file.path' }[currentType()];
    const f = fields.get(main);
    f.wrap.classList.add('invalid');
    f.input.setAttribute('aria-invalid', 'true');
    f.input.focus();
  }

  form.addEventListener('change', (e) => {
    if (e.target.name === 'storeType') showType();
  });
  form.addEventListener('input', updatePreview);
  // suggest a mountpoint from the name until one is typed
  const nameInput = fields.get('name').input;
  const mpInput = fields.get('mountPoint').input;
  nameInput.addEventListener('input', () => {
    mpInput.placeholder = nameInput.value.trim() ? `/mnt/${nameInput.value.trim()}` : '/mnt/photos';
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors();
    submit.disabled = true;
    submit.replaceChildren(h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Mounting…');
    try {
      const created = await api.create(buildRequest());
      toast(`Mounted ${created.name} on ${created.mountPoint}`);
      if (ctx.alive()) location.hash = '#/';
    } catch (err) {
      if (!ctx.alive()) return;
      showProblem(err);
    } finally {
      submit.disabled = false;
      submit.replaceChildren('Create mount');
    }
  });

  showType();
  nameInput.focus();
}
