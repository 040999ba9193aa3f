// Small SVG charts drawn from data: a time-series line chart and horizontal bars. They scale
// with their container (viewBox) and carry a text summary for screen readers.

import { h, s } from './dom.js';

export const COLORS = ['#0f766e', '#2f6fde', '#c2410c', '#7c3aed', '#be185d', '#4d7c0f'];

// A round axis top for v and how many intervals divide it into round steps.
function niceScale(v, binary) {
  if (binary) {
    let top = 1024;
    while (top < v) top *= 2;
    return { max: top, steps: 4 };
  }
  if (v <= 0) return { max: 5, steps: 5 };
  const p = 10 ** Math.floor(Math.log10(v));
  for (const [m, steps] of [[1, 4], [2, 4], [4, 4], [5, 5], [10, 5]]) {
    if (v <= m * p) return { max: Math.max(m * p, 5), steps: m * p < 5 ? 5 : steps };
  }
  return { max: 10 * p, steps: 5 };
}

/**
 * Charts are drawn at their container's pixel width (width), so text keeps its size on a phone.
 *
 * Series over the last windowMs: [{label, color, points: [{t, v}]}]. format() labels the y axis;
 * binary picks a power-of-two top (for bytes).
 */
export function lineChart({ series, windowMs = 120000, format = String, label, now = Date.now(), binary = false, width = 600 }) {
  const W = Math.max(280, Math.round(width));
  const H = 190;
  const L = 62;
  const R = 12;
  const T = 12;
  const B = 24;
  const { max, steps } = niceScale(Math.max(0, ...series.flatMap((x) => x.points.map((p) => p.v))), binary);
  const x = (t) => L + ((t - (now - windowMs)) / windowMs) * (W - L - R);
  const y = (v) => T + (1 - v / max) * (H - T - B);
  const n = series.reduce((a, x2) => Math.max(a, x2.points.length), 0);
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, 'data-points': n });
  for (let k = 0; k <= steps; k++) {
    const f = k / steps;
    svg.append(s('line', { class: 'grid-line', x1: L, x2: W - R, y1: y(max * f), y2: y(max * f) }),
      s('text', { x: L - 8, y: y(max * f) + 4, 'text-anchor': 'end' }, format(max * f)));
  }
  const minutes = windowMs / 60000;
  for (let i = 0; i <= minutes; i++) {
    const t = now - windowMs + i * 60000;
    svg.append(s('text', { x: x(t), y: H - 6, 'text-anchor': i === 0 ? 'start' : i === minutes ? 'end' : 'middle' },
      i === minutes ? 'now' : `−${minutes - i}m`));
  }
  series.forEach((ser, i) => {
    const color = ser.color || COLORS[i % COLORS.length];
    const pts = ser.points.filter((p) => p.t >= now - windowMs);
    if (pts.length === 0) return;
    const d = pts.map((p, j) => `${j ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join('');
    if (pts.length > 1) {
      svg.append(s('path', { class: 'area', fill: color, d: `${d}L${x(pts[pts.length - 1].t).toFixed(1)},${y(0)}L${x(pts[0].t).toFixed(1)},${y(0)}Z` }));
    }
    svg.append(s('path', { class: 'line', stroke: color, d }));
    const last = pts[pts.length - 1];
    svg.append(s('circle', { cx: x(last.t), cy: y(last.v), r: 3.5, fill: color }));
  });
  return svg;
}

/**
 * Horizontal bars: [{label, value, max, text, color}]; value/max sets the length, text is shown
 * at the end of the bar.
 */
export function barChart(rows, { label, labelWidth = 120, width = 600 } = {}) {
  const W = Math.max(280, Math.round(width));
  const ROW = 28;
  const H = Math.max(1, rows.length) * ROW + 4;
  const narrow = W < 480;
  const L = narrow ? Math.round(labelWidth * 0.8) : labelWidth;
  const textW = narrow ? 118 : 150;
  const barW = W - L - textW;
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, 'data-bars': rows.length });
  rows.forEach((r, i) => {
    const yTop = i * ROW + 4;
    const frac = r.max > 0 ? Math.max(0, Math.min(1, r.value / r.max)) : 0;
    svg.append(
      s('text', { class: 'bar-label', x: L - 10, y: yTop + 15, 'text-anchor': 'end' }, r.label),
      s('rect', { class: 'bar-bg', x: L, y: yTop + 3, width: barW, height: 16, rx: 3 }),
      s('rect', { x: L, y: yTop + 3, width: Math.max(frac > 0 ? 2 : 0, frac * barW), height: 16, rx: 3, fill: r.color || COLORS[0] }),
      s('text', { x: L + barW + 10, y: yTop + 15 }, r.text));
  });
  return svg;
}

/** Colour keys for a chart's series. */
export function legend(series) {
  return h('div', { class: 'legend' }, series.map((x, i) => h('span', {},
    h('i', { style: `background:${x.color || COLORS[i % COLORS.length]}` }), x.label)));
}
