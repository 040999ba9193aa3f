// Pieces the views share: state badges, store types, ratios, kernel stats, the unmount dialog.

import { api, ApiError } from '../api.js';
import { h, toast } from '../dom.js';
import { percent } from '../format.js';

export function badge(state) {
  return h('span', { class: `badge badge-${state}`, 'data-state': state }, state.charAt(0) + state.slice(1).toLowerCase());
}

export function storeType(source) {
  const scheme = (source || '').split(':')[0].toLowerCase();
  return { s3: 'S3', sftp: 'SFTP', http: 'HTTP', https: 'HTTPS', file: 'File' }[scheme] || scheme.toUpperCase();
}

const TIERS = ['attributes', 'listings', 'memoryBlocks', 'diskBlocks'];

/** Hits over lookups across every cache tier, or null before the first lookup. */
export function hitRatio(stats) {
  if (!stats || !stats.cache) return null;
  let hits = 0;
  let total = 0;
  for (const t of TIERS) {
    const tier = stats.cache[t];
    if (!tier) continue;
    hits += tier.hits;
    total += tier.hits + tier.misses;
  }
  return total === 0 ? null : hits / total;
}

export function tierRatio(tier) {
  const total = tier.hits + tier.misses;
  return total === 0 ? null : tier.hits / total;
}

/** 1 − daemon requests ÷ application calls over stat, readdir and read; null without calls. */
export function servedShare(window) {
  if (!window) return null;
  let calls = 0;
  let daemon = 0;
  for (const c of [window.stat, window.readdir, window.read]) {
    if (!c) continue;
    calls += c.calls;
    daemon += c.daemonRequests;
  }
  return calls === 0 ? null : Math.max(0, Math.min(1, 1 - daemon / calls));
}

// Older services have no kernel-stats endpoint: remember its 404 instead of asking every tick.
let kernelStatsMissing = false;

/** The eBPF probe's view of a mount, as {available, reason, sinceMount, last10s}; never throws. */
export async function kernelStats(name) {
  if (kernelStatsMissing) return { available: false, reason: 'unavailable: this service has no kernel statistics' };
  try {
    return await api.kernelStats(name);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && e.kind !== 'mount-not-found') {
      kernelStatsMissing = true;
      return { available: false, reason: 'unavailable: this service has no kernel statistics' };
    }
    return { available: false, reason: `unavailable: ${e.message}` };
  }
}

export function unavailableText(ks) {
  const r = (ks && ks.reason) || 'unavailable';
  return r.startsWith('unavailable') ? r : `unavailable: ${r}`;
}

/** A small labelled bar for a ratio (0..1), or a dash. */
export function meter(ratio, label) {
  const value = h('span', { class: 'meter-value' }, percent(ratio));
  if (ratio == null) return h('span', { class: 'meter faint', title: label }, '—');
  return h('span', { class: 'meter', title: label },
    h('span', { class: 'meter-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${(ratio * 100).toFixed(1)}%` })),
    value);
}

/** A modal built on <dialog>: Escape and the close button dismiss it, focus returns after. */
export function modal({ title, body, footer, wide = false, id }) {
  const opener = document.activeElement;
  const close = h('button', { type: 'button', class: 'btn btn-ghost btn-small', 'aria-label': 'Close' }, '✕');
  const dialog = h('dialog', { class: wide ? 'wide' : '', id, 'aria-labelledby': `${id}-title` },
    h('div', { class: 'dialog-head' }, h('h2', { id: `${id}-title` }, title), close),
    h('div', { class: 'dialog-body' }, body),
    footer ? h('div', { class: 'dialog-foot' }, footer) : null);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener && opener.isConnected) opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/** Asks, then unmounts; a busy mount says who holds it and offers to force. */
export function confirmUnmount(mount, onDone) {
  const status = h('div', { id: 'unmount-status', role: 'alert' });
  const cancel = h('button', { type: 'button', class: 'btn', id: 'unmount-cancel' }, 'Cancel');
  const confirm = h('button', { type: 'button', class: 'btn btn-danger', id: 'unmount-confirm' }, 'Unmount');
  const force = h('button', { type: 'button', class: 'btn btn-danger-outline', id: 'unmount-force', hidden: true }, 'Force unmount');
  const dialog = modal({
    id: 'unmount-dialog',
    title: `Unmount ${mount.name}?`,
    body: [
      h('p', { style: 'margin:0' }, 'This unmounts ', h('code', {}, mount.mountPoint),
        ' and forgets the mount. Files in the store are not touched.'),
      status,
    ],
    footer: [cancel, force, confirm],
  });
  cancel.addEventListener('click', () => dialog.close());
  const run = async (forced) => {
    confirm.disabled = true;
    force.disabled = true;
    status.replaceChildren(h('span', { class: 'muted' }, 'Unmounting…'));
    try {
      await api.remove(mount.name, forced);
      dialog.close();
      toast(`Unmounted ${mount.name}`);
      onDone();
    } catch (e) {
      confirm.disabled = false;
      force.disabled = false;
      if (e.kind === 'mount-busy') {
        const holders = e.problem.holders || [];
        // the API's own advice (a query parameter) is replaced by the button below
        const detail = e.message.replace(/;\s*close them or delete with \?force=true\s*$/, '.');
        status.replaceChildren(h('div', { class: 'notice notice-warn', id: 'unmount-busy' },
          h('div', {}, h('strong', {}, 'The mount is busy'), detail,
            holders.length ? h('ul', {}, holders.map((x) => h('li', {}, x))) : null,
            h('div', { style: 'margin-top:.35rem' }, 'Close those programs and try again, or force it: '
              + 'the mount is detached and their open files stop working.'))));
        confirm.textContent = 'Try again';
        force.hidden = false;
      } else {
        status.replaceChildren(h('div', { class: 'notice notice-error' }, h('div', {}, h('strong', {}, e.problem.title || 'Unmount failed'), e.message)));
      }
    }
  };
  confirm.addEventListener('click', () => run(false));
  force.addEventListener('click', () => run(true));
  cancel.focus();
}
