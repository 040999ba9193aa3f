// A mount's statistics, polled every two seconds: cache hit ratios per tier, bytes from the
// store, daemon requests per opcode, and the kernel-served share from the eBPF probe. Rates are
// differences between polls, kept for the last two minutes.

import { api } from '../api.js';
import { h } from '../dom.js';
import { bytes, compact, count, nanos, percent, time } from '../format.js';
import { COLORS, barChart, legend, lineChart } from '../charts.js';
import { badge, hitRatio, kernelStats, servedShare, tierRatio, unavailableText } from './common.js';
import { tabs } from './files.js';

const POLL_MS = 2000;
const WINDOW_MS = 120000;
const TIERS = [['attributes', 'Attributes'], ['listings', 'Listings'], ['memoryBlocks', 'Memory blocks'], ['diskBlocks', 'Disk blocks']];

export function render(main, route, ctx) {
  const mount = route.segments[1];
  const stateBadge = h('span', { id: 'mount-state' });
  const updated = h('span', { class: 'refreshed', id: 'stats-updated' });
  const error = h('div', { class: 'notice notice-error', role: 'alert', hidden: true, style: 'margin-bottom:1rem' });
  const kpis = h('div', { class: 'kpis', id: 'kpis' });
  const traffic = chartCard('Store traffic', 'Bytes per second read from and written to the store', 'chart-traffic');
  const requests = chartCard('Daemon requests', 'Requests per second that reached the daemon (the kernel served the rest)', 'chart-requests');
  const tiers = chartCard('Cache hit ratio by tier', 'Hits ÷ lookups since the mount started', 'chart-tiers');
  const opcodes = chartCard('Requests per opcode', 'Since the mount started, with the daemon\'s mean time per request', 'chart-opcodes');
  const kernel = chartCard('Kernel-served share (eBPF)', 'Application calls the kernel answered without asking the daemon', 'chart-kernel');

  main.append(
    h('div', { class: 'page-head' },
      h('div', {}, h('div', { class: 'actions' }, h('h1', {}, mount), stateBadge),
        h('div', { class: 'sub' }, 'Live numbers, every two seconds.')),
      updated),
    tabs(mount, 'stats'),
    error, kpis,
    h('div', { class: 'charts' }, traffic.card, requests.card, tiers.card, opcodes.card, kernel.card));

  const samples = [];
  let timer = null;

  async function poll() {
    let stats;
    let ks;
    let view;
    try {
      [view, stats, ks] = await Promise.all([api.mount(mount), api.stats(mount), kernelStats(mount)]);
    } catch (e) {
      if (!ctx.alive()) return;
      error.replaceChildren(h('div', {}, h('strong', {}, e.problem.title || 'No statistics'), e.message));
      error.hidden = false;
      return;
    }
    if (!ctx.alive()) return;
    error.hidden = true;
    stateBadge.replaceChildren(badge(view.state));
    const now = Date.now();
    samples.push({ t: now, stats });
    while (samples.length > 2 && samples[0].t < now - WINDOW_MS - POLL_MS) samples.shift();
    draw(stats, ks, now);
    updated.textContent = `Updated ${time()}`;
  }

  function rate(pick) {
    const points = [];
    for (let i = 1; i < samples.length; i++) {
      const dt = (samples[i].t - samples[i - 1].t) / 1000;
      if (dt > 0) points.push({ t: samples[i].t, v: Math.max(0, (pick(samples[i].stats) - pick(samples[i - 1].stats)) / dt) });
    }
    return points;
  }

  function draw(st, ks, now) {
    const c = st.cache;
    const daemonTotal = Object.values(st.daemonRequests).reduce((a, b) => a + b, 0);
    const share = ks.available ? servedShare(ks.sinceMount) : null;
    kpis.replaceChildren(
      kpi('Read from store', bytes(c.bytesFetched), `${count(c.fetches)} fetches`),
      kpi('Written to store', bytes(c.bytesUploaded), `${count(c.uploads)} uploads · ${c.pendingUploads} pending${c.uploadFailures ? ` · ${c.uploadFailures} failed` : ''}`),
      kpi('Cache hit ratio', percent(hitRatio(st)), 'all tiers'),
      kpi('Daemon requests', compact(daemonTotal), `${st.openFiles} open files · ${count(st.nodesHeld)} nodes held`, 'kpi-requests'),
      kpi('Kernel-served', ks.available ? percent(share) : '—', ks.available ? (share == null ? 'no stat, readdir or read calls yet' : 'of stat, readdir and read calls') : unavailableText(ks), 'kpi-kernel'));

    const fetched = { label: 'read', color: COLORS[0], points: rate((x) => x.cache.bytesFetched) };
    const uploaded = { label: 'written', color: COLORS[2], points: rate((x) => x.cache.bytesUploaded) };
    traffic.body.replaceChildren(lineChart({ series: [fetched, uploaded], windowMs: WINDOW_MS, now, width: traffic.body.clientWidth, format: (v) => `${bytes(Math.round(v))}/s`, binary: true, label: 'Store bytes per second' }), legend([fetched, uploaded]));
    const reqs = { label: 'requests/s', color: COLORS[1], points: rate((x) => Object.values(x.daemonRequests).reduce((a, b) => a + b, 0)) };
    requests.body.replaceChildren(lineChart({ series: [reqs], windowMs: WINDOW_MS, now, width: requests.body.clientWidth, format: (v) => compact(v), label: 'Daemon requests per second' }), legend([reqs]));

    tiers.body.replaceChildren(barChart(TIERS.map(([key, label], i) => {
      const t = c[key];
      const r = tierRatio(t);
      return { label, value: r || 0, max: 1, color: COLORS[i], text: r == null ? 'no lookups yet' : `${percent(r)} · ${compact(t.hits)}/${compact(t.hits + t.misses)}` };
    }), { label: 'Cache hit ratio per tier', width: tiers.body.clientWidth }),
    h('div', { class: 'legend' }, TIERS.map(([key, label]) => h('span', {}, `${label}: ${count(c[key].entries)} entries${key.endsWith('Blocks') ? `, ${bytes(c[key].weight)}` : ''}, ${count(c[key].evictions)} evicted`))));

    const ops = Object.entries(st.daemonRequests).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).slice(0, 12);
    const top = ops.length ? ops[0][1] : 0;
    opcodes.body.replaceChildren(ops.length
      ? barChart(ops.map(([op, n]) => ({ label: op, value: n, max: top, color: COLORS[1], text: `${count(n)} · ${nanos(st.daemonLatencyNanos[op])}` })), { label: 'Requests per opcode', width: opcodes.body.clientWidth })
      : h('p', { class: 'muted' }, 'No request has reached the daemon yet.'));

    if (ks.available) {
      const cats = [['stat', 'stat'], ['readdir', 'readdir'], ['read', 'read']];
      const rows = [];
      for (const [w, wl] of [['sinceMount', ''], ['last10s', ' · 10 s']]) {
        const win = ks[w];
        if (!win) continue;
        for (const [k, kl] of cats) {
          const cat = win[k];
          if (!cat) continue;
          rows.push({ label: `${kl}${wl}`, value: cat.kernelServedShare || 0, max: 1, color: w === 'sinceMount' ? COLORS[0] : COLORS[3],
            text: cat.kernelServedShare == null ? 'no calls' : `${percent(cat.kernelServedShare)} of ${compact(cat.calls)} call${cat.calls === 1 ? '' : 's'}` });
        }
      }
      kernel.body.replaceChildren(barChart(rows, { label: 'Kernel-served share per call type', labelWidth: 110, width: kernel.body.clientWidth }),
        legend([{ label: 'since the mount', color: COLORS[0] }, { label: 'last 10 seconds (· 10 s)', color: COLORS[3] }]));
    } else {
      kernel.body.replaceChildren(h('p', { class: 'unavailable', id: 'kernel-unavailable' }, unavailableText(ks)));
    }
  }

  poll();
  timer = setInterval(poll, POLL_MS);
  return () => clearInterval(timer);
}

function chartCard(title, sub, id) {
  const body = h('div', { id });
  const card = h('section', { class: 'card', 'aria-labelledby': `${id}-title` },
    h('div', { class: 'card-body' }, h('h2', { id: `${id}-title`, style: 'margin-bottom:.15rem' }, title),
      h('p', { class: 'muted', style: 'margin:0 0 .75rem;font-size:.88em' }, sub), body));
  return { card, body };
}

function kpi(label, value, detail, id) {
  return h('div', { class: 'card kpi', id }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value), h('div', { class: 'detail' }, detail));
}
