// A mount's file browser: breadcrumbs, folders first, sortable columns, paging (a directory of
// thousands of entries puts one page of rows in the DOM), preview and download.

import { api } from '../api.js';
import { h, icon, toast } from '../dom.js';
import { bytes, count, date } from '../format.js';
import { badge } from './common.js';
import { preview, download } from './preview.js';

export const PAGE_SIZE = 100;

const COLLATOR = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const COLUMNS = [
  { key: 'name', label: 'Name' },
  { key: 'size', label: 'Size', num: true },
  { key: 'modified', label: 'Modified', narrow: false },
];

export function filesHref(mount, path) {
  return `#/mounts/${encodeURIComponent(mount)}/files?path=${encodeURIComponent(path)}`;
}

export function tabs(mount, current) {
  const link = (sub, label) => h('a', { href: sub === 'files' ? filesHref(mount, '/') : `#/mounts/${encodeURIComponent(mount)}/stats`, 'aria-current': current === sub ? 'page' : null }, label);
  return h('nav', { class: 'tabs', 'aria-label': 'Mount views' }, link('files', 'Files'), link('stats', 'Statistics'));
}

export function render(main, route, ctx) {
  const mount = route.segments[1];
  const path = normalize(route.params.get('path') || '/');
  const state = { entries: [], sort: 'name', desc: false, page: 0, filter: '' };

  const crumbs = breadcrumbs(mount, path);
  const stateBadge = h('span', { id: 'mount-state' });
  const status = h('div', { class: 'muted', id: 'files-status', 'aria-live': 'polite' }, 'Loading…');
  const filter = h('input', { class: 'text', type: 'search', id: 'files-filter', placeholder: 'Filter by name', 'aria-label': 'Filter this folder by name' });
  const reload = h('button', { type: 'button', class: 'btn btn-small', id: 'files-reload', title: 'Forget cached listings and ask the store again' }, icon('refresh'), 'Reload from store');
  const thead = h('thead', {});
  const tbody = h('tbody', { id: 'files-body' });
  const table = h('table', { class: 'data files', id: 'files-table' }, h('caption', { class: 'visually-hidden' }, `Files in ${path}`), thead, tbody);
  const pager = h('div', { class: 'pager', id: 'pager' });
  const error = h('div', { class: 'notice notice-error', role: 'alert', hidden: true, style: 'margin:1rem' });

  main.append(
    h('div', { class: 'page-head' },
      h('div', {}, h('div', { class: 'actions' }, h('h1', {}, mount), stateBadge),
        h('div', { class: 'sub' }, 'Browse the store through the mount\'s cache.'))),
    tabs(mount, 'files'),
    h('div', { class: 'card' },
      h('div', { class: 'toolbar' }, crumbs, h('div', { class: 'actions' }, filter, reload)),
      h('div', { class: 'toolbar', style: 'padding:.45rem 1rem;border-bottom:0' }, status),
      error,
      h('div', { class: 'table-wrap' }, table),
      pager));

  api.mount(mount).then((m) => ctx.alive() && stateBadge.replaceChildren(badge(m.state))).catch(() => {});

  async function load() {
    status.textContent = 'Loading…';
    try {
      const entries = await api.files(mount, path);
      if (!ctx.alive()) return;
      state.entries = entries;
      error.hidden = true;
      draw();
    } catch (e) {
      if (!ctx.alive()) return;
      error.replaceChildren(h('div', {}, h('strong', {}, e.problem.title || 'Could not list this folder'), e.message));
      error.hidden = false;
      status.textContent = '';
    }
  }

  function sorted() {
    const f = state.filter.toLowerCase();
    const list = f ? state.entries.filter((e) => e.name.toLowerCase().includes(f)) : state.entries.slice();
    const dir = state.desc ? -1 : 1;
    const by = {
      name: (a, b) => COLLATOR.compare(a.name, b.name),
      size: (a, b) => (a.size - b.size) || COLLATOR.compare(a.name, b.name),
      modified: (a, b) => (Date.parse(a.modified) - Date.parse(b.modified)) || COLLATOR.compare(a.name, b.name),
    }[state.sort];
    return list.sort((a, b) => {
      const folders = (b.type === 'directory') - (a.type === 'directory');
      return folders || dir * by(a, b);
    });
  }

  function draw() {
    const list = sorted();
    const pages = Math.max(1, Math.ceil(list.length / PAGE_SIZE));
    state.page = Math.min(state.page, pages - 1);
    const start = state.page * PAGE_SIZE;
    const slice = list.slice(start, start + PAGE_SIZE);
    drawHead();
    tbody.replaceChildren(...slice.map(row));
    if (list.length === 0) {
      tbody.append(h('tr', {}, h('td', { colspan: 4, class: 'empty' }, state.filter ? 'Nothing matches the filter.' : 'This folder is empty.')));
    }
    const dirs = state.entries.filter((e) => e.type === 'directory').length;
    status.textContent = `${plural(state.entries.length, 'item')} · ${plural(dirs, 'folder')}, ${plural(state.entries.length - dirs, 'file')}`
      + (state.filter ? ` · ${count(list.length)} match` : '');
    drawPager(list.length, pages, start, slice.length);
  }

  function drawHead() {
    const cells = COLUMNS.map((c) => {
      const active = state.sort === c.key;
      const sortState = active ? (state.desc ? 'descending' : 'ascending') : 'none';
      const btn = h('button', { type: 'button', class: 'sort-btn', 'data-sort': c.key },
        c.label, h('span', { class: 'sort-arrow', 'aria-hidden': 'true' }, active && state.desc ? '▼' : '▲'));
      btn.addEventListener('click', () => {
        state.desc = active ? !state.desc : c.key !== 'name';
        state.sort = c.key;
        state.page = 0;
        draw();
        thead.querySelector(`[data-sort="${c.key}"]`).focus();
      });
      return h('th', { scope: 'col', 'aria-sort': sortState, class: `${c.num ? 'num' : ''} ${c.narrow === false ? 'hide-narrow' : ''}` }, btn);
    });
    thead.replaceChildren(h('tr', {}, cells, h('th', { scope: 'col', class: 'num' }, h('span', { class: 'visually-hidden' }, 'Actions'))));
  }

  function row(e) {
    const isDir = e.type === 'directory';
    const name = isDir
      ? h('a', { class: 'file-name', href: filesHref(mount, e.path) }, icon('folder', 'icon-dir'), e.name)
      : h('button', { type: 'button', class: 'btn-link file-name', 'data-preview': e.name }, icon('file', 'icon-file'), e.name);
    if (!isDir) name.addEventListener('click', () => preview(mount, e));
    let actions = null;
    if (!isDir) {
      const eye = h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'aria-label': `Preview ${e.name}`, title: 'Preview', 'data-action': 'preview' }, icon('eye'));
      const dl = h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'aria-label': `Download ${e.name}`, title: 'Download', 'data-action': 'download' }, icon('download'));
      eye.addEventListener('click', () => preview(mount, e));
      dl.addEventListener('click', () => download(mount, e));
      actions = h('div', { class: 'row-actions' }, eye, dl);
    }
    return h('tr', { 'data-name': e.name, 'data-type': e.type },
      h('td', {}, name),
      h('td', { class: 'num nowrap', title: isDir ? null : `${count(e.size)} bytes` }, isDir ? h('span', { class: 'faint' }, '—') : bytes(e.size)),
      h('td', { class: 'nowrap hide-narrow' }, isDir && Date.parse(e.modified) <= 0 ? h('span', { class: 'faint' }, '—') : date(e.modified)),
      h('td', { class: 'num' }, actions));
  }

  function drawPager(total, pages, start, shown) {
    if (total <= PAGE_SIZE) {
      pager.hidden = true;
      return;
    }
    pager.hidden = false;
    const go = (p) => () => {
      state.page = p;
      draw();
      table.scrollIntoView({ block: 'start' });
    };
    const btn = (label, id, page, disabled, aria) => {
      const b = h('button', { type: 'button', class: 'btn btn-small', id, disabled, 'aria-label': aria }, label);
      b.addEventListener('click', go(page));
      return b;
    };
    const focused = document.activeElement && document.activeElement.closest('#pager') ? document.activeElement.id : null;
    pager.replaceChildren(
      h('span', { id: 'pager-range' }, `${count(start + 1)}–${count(start + shown)} of ${count(total)}`),
      h('div', { class: 'actions' },
        btn('« First', 'page-first', 0, state.page === 0, 'First page'),
        btn('‹ Prev', 'page-prev', state.page - 1, state.page === 0, 'Previous page'),
        h('span', { id: 'page-label', style: 'padding:0 .4rem' }, `Page ${state.page + 1} of ${pages}`),
        btn('Next ›', 'page-next', state.page + 1, state.page >= pages - 1, 'Next page'),
        btn('Last »', 'page-last', pages - 1, state.page >= pages - 1, 'Last page')));
    if (focused) {
      const again = document.getElementById(focused);
      (again && !again.disabled ? again : pager.querySelector('button:not([disabled])')).focus();
    }
  }

  let typing = null;
  filter.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.filter = filter.value.trim();
      state.page = 0;
      draw();
    }, 120);
  });
  reload.addEventListener('click', async () => {
    try {
      await api.invalidate(mount, path);
      toast(`Reloaded ${path} from the store`);
      load();
    } catch (e) {
      toast(e.message, 'error');
    }
  });

  load();
  return () => clearTimeout(typing);
}

function plural(n, word) {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

function normalize(path) {
  const parts = path.split('/').filter((p) => p && p !== '.');
  return `/${parts.join('/')}`;
}

function breadcrumbs(mount, path) {
  const parts = path.split('/').filter(Boolean);
  const items = [h('li', {}, parts.length
    ? h('a', { href: filesHref(mount, '/') }, mount)
    : h('span', { 'aria-current': 'page' }, mount))];
  parts.forEach((part, i) => {
    const p = `/${parts.slice(0, i + 1).join('/')}`;
    items.push(h('li', {}, i === parts.length - 1 ? h('span', { 'aria-current': 'page' }, part) : h('a', { href: filesHref(mount, p) }, part)));
  });
  return h('nav', { 'aria-label': 'Breadcrumb' }, h('ol', { class: 'crumbs', id: 'crumbs' }, items));
}
