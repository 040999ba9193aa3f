// The mounts overview: every mount with its state, uptime, cache hit ratio and kernel-served
// share, refreshed every few seconds. Rows are kept by name and updated in place, so a refresh
// never steals focus or the element a person (or a test) is about to click.

import { api } from '../api.js';
import { h } from '../dom.js';
import { bytes, duration, time } from '../format.js';
import { badge, confirmUnmount, hitRatio, kernelStats, meter, servedShare, storeType, unavailableText } from './common.js';

const REFRESH_MS = 4000;

export function render(main, route, ctx) {
  const summary = h('div', { class: 'summary', id: 'summary' });
  const refreshed = h('span', { class: 'refreshed', id: 'refreshed', 'aria-live': 'off' });
  const tbody = h('tbody', { id: 'mounts-body' });
  const table = h('table', { class: 'data stack', id: 'mounts-table' },
    h('caption', { class: 'visually-hidden' }, 'Mounts'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Name'),
      h('th', { scope: 'col' }, 'Source'),
      h('th', { scope: 'col' }, 'Mountpoint'),
      h('th', { scope: 'col' }, 'State'),
      h('th', { scope: 'col', class: 'num' }, 'Uptime'),
      h('th', { scope: 'col' }, 'Cache hits'),
      h('th', { scope: 'col' }, 'Kernel-served'),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
    tbody);
  const empty = h('div', { class: 'empty', id: 'mounts-empty', hidden: true },
    h('h2', {}, 'No mounts yet'),
    h('p', {}, 'Mount an S3 bucket, an SFTP directory, a web server\'s index or a local folder.'),
    h('a', { class: 'btn btn-primary', href: '#/new' }, 'Create a mount'));
  const error = h('div', { class: 'notice notice-error', role: 'alert', hidden: true, style: 'margin-bottom:1rem' });

  main.append(
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Mounts'), h('div', { class: 'sub' }, 'Remote stores shown as local directories.')),
      h('div', { class: 'actions' }, refreshed,
        h('a', { class: 'btn btn-primary', href: '#/new', id: 'new-mount' }, '+ New mount'))),
    error, summary,
    h('div', { class: 'card' }, h('div', { class: 'table-wrap' }, table), empty));

  const rows = new Map();
  let timer = null;

  async function refresh() {
    let list;
    try {
      list = await api.mounts();
    } catch (e) {
      if (!ctx.alive()) return;
      error.replaceChildren(h('div', {}, h('strong', {}, 'Could not load the mounts'), e.message));
      error.hidden = false;
      return;
    }
    const extra = await Promise.all(list.map(async (m) => {
      if (m.state !== 'MOUNTED') return { stats: null, kernel: null };
      const [stats, kernel] = await Promise.all([api.stats(m.name).catch(() => null), kernelStats(m.name)]);
      return { stats, kernel };
    }));
    if (!ctx.alive()) return;
    error.hidden = true;
    update(list, extra);
    refreshed.textContent = `Updated ${time()}`;
  }

  function update(list, extra) {
    const seen = new Set();
    list.forEach((m, i) => {
      seen.add(m.name);
      let row = rows.get(m.name);
      if (!row) {
        row = createRow(m);
        rows.set(m.name, row);
      }
      fillRow(row, m, extra[i]);
      // keep the list's order (by name); a row already in place is not moved, since moving
      // a node takes the focus away from the button in it
      if (tbody.children[i] !== row.tr) tbody.insertBefore(row.tr, tbody.children[i] || null);
    });
    for (const [name, row] of rows) {
      if (!seen.has(name)) {
        row.tr.remove();
        rows.delete(name);
      }
    }
    empty.hidden = list.length > 0;
    table.hidden = list.length === 0;
    const mounted = list.filter((m) => m.state === 'MOUNTED').length;
    const failed = list.filter((m) => m.state === 'FAILED').length;
    const fetched = extra.reduce((a, x) => a + (x.stats ? x.stats.cache.bytesFetched : 0), 0);
    summary.replaceChildren(
      pill(list.length, list.length === 1 ? 'mount' : 'mounts'),
      pill(mounted, 'mounted'),
      pill(failed, 'failed'),
      pill(bytes(fetched), 'read from stores'));
  }

  function createRow(m) {
    const cells = {
      name: h('td', { class: 'primary', 'data-label': 'Name' }),
      source: h('td', { 'data-label': 'Source' }),
      mountPoint: h('td', { 'data-label': 'Mountpoint' }),
      state: h('td', { 'data-label': 'State' }),
      uptime: h('td', { class: 'num nowrap', 'data-label': 'Uptime' }),
      hits: h('td', { 'data-label': 'Cache hits' }),
      kernel: h('td', { 'data-label': 'Kernel-served' }),
      actions: h('td', {}),
    };
    const tr = h('tr', { 'data-mount': m.name }, Object.values(cells));
    return { tr, cells, key: null };
  }

  function fillRow(row, m, { stats, kernel }) {
    const c = row.cells;
    const key = `${m.state}|${m.readOnly}|${m.source}|${m.mountPoint}`;
    if (row.key !== key) {
      row.key = key;
      const mounted = m.state === 'MOUNTED';
      c.name.replaceChildren(h('div', {},
        mounted ? h('a', { class: 'mount-name', href: `#/mounts/${encodeURIComponent(m.name)}/files?path=/` }, m.name)
          : h('span', { class: 'mount-name' }, m.name),
        m.readOnly ? h('span', { class: 'tag', style: 'margin-left:.45rem' }, 'read-only') : null));
      c.source.replaceChildren(h('div', {}, h('span', { class: 'tag' }, storeType(m.source)), ' ',
        h('span', { class: 'source' }, m.source)));
      c.mountPoint.replaceChildren(h('code', { class: 'source' }, m.mountPoint));
      const unmount = h('button', { type: 'button', class: 'btn btn-small btn-danger-outline', 'data-action': 'unmount' }, 'Unmount');
      unmount.addEventListener('click', () => confirmUnmount(m, refresh));
      c.actions.replaceChildren(h('div', { class: 'row-actions' },
        mounted ? h('a', { class: 'btn btn-small', href: `#/mounts/${encodeURIComponent(m.name)}/files?path=/`, 'data-action': 'browse' }, 'Browse') : null,
        mounted ? h('a', { class: 'btn btn-small', href: `#/mounts/${encodeURIComponent(m.name)}/stats`, 'data-action': 'stats' }, 'Stats') : null,
        unmount));
    }
    c.state.replaceChildren(h('div', {}, badge(m.state),
      m.state === 'FAILED' && m.reason ? h('div', { class: 'reason' }, m.reason) : null,
      m.state !== 'FAILED' && m.restarts > 0 ? h('div', { class: 'lasterr' },
        `remounted ${m.restarts}×${m.lastError ? `; last error: ${m.lastError}` : ''}`) : null));
    c.uptime.replaceChildren(m.state === 'MOUNTED' && m.mountedAt ? duration(Date.now() - Date.parse(m.mountedAt))
      : h('span', { class: 'faint' }, '—'));
    c.hits.replaceChildren(meter(hitRatio(stats), 'cache hits ÷ lookups, all tiers'));
    if (kernel && kernel.available) {
      c.kernel.replaceChildren(meter(servedShare(kernel.sinceMount), 'application calls the kernel answered without the daemon'));
    } else {
      c.kernel.replaceChildren(m.state === 'MOUNTED' && kernel
        ? h('span', { class: 'unavailable', title: unavailableText(kernel) }, unavailableText(kernel)) : h('span', { class: 'faint' }, '—'));
    }
  }

  refresh();
  timer = setInterval(refresh, REFRESH_MS);
  return () => clearInterval(timer);
}

function pill(value, label) {
  return h('div', { class: 'pill' }, h('b', {}, value), h('span', {}, label));
}
