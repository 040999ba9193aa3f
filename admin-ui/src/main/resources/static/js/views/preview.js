// Previewing and downloading a file. The content endpoint needs the bearer token, so bytes are
// fetched here and handed to the browser as a blob; a text preview reads only the first part.

import { api } from '../api.js';
import { h, icon, toast } from '../dom.js';
import { bytes, date } from '../format.js';
import { modal } from './common.js';

const TEXT = new Set(['txt', 'md', 'markdown', 'csv', 'tsv', 'json', 'ndjson', 'xml', 'yaml', 'yml', 'toml', 'ini', 'cfg', 'conf',
  'properties', 'log', 'html', 'htm', 'css', 'js', 'mjs', 'ts', 'java', 'kt', 'py', 'rb', 'go', 'rs', 'c', 'h', 'cpp', 'hpp',
  'sh', 'bash', 'sql', 'gradle', 'env', 'gitignore', 'dockerfile', 'tex', 'rst', 'adoc']);
const IMAGE = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'ico', 'avif', 'svg']);
const TEXT_LIMIT = 256 * 1024;
const IMAGE_LIMIT = 25 * 1024 * 1024;

function ext(name) {
  const i = name.lastIndexOf('.');
  return i < 0 ? name.toLowerCase() : name.slice(i + 1).toLowerCase();
}

export function kindOf(name) {
  const e = ext(name);
  if (IMAGE.has(e)) return 'image';
  if (TEXT.has(e) || ['readme', 'license', 'makefile', 'notice'].includes(name.toLowerCase())) return 'text';
  return 'other';
}

export async function download(mount, entry) {
  try {
    const res = await api.content(mount, entry.path, { download: true });
    const url = URL.createObjectURL(await res.blob());
    const a = h('a', { href: url, download: entry.name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    toast(`Downloading ${entry.name}`);
  } catch (e) {
    toast(`Download failed: ${e.message}`, 'error');
  }
}

export function preview(mount, entry) {
  const kind = kindOf(entry.name);
  const content = h('div', { id: 'preview-content' }, h('span', { class: 'muted' }, 'Loading preview…'));
  const dl = h('button', { type: 'button', class: 'btn btn-primary', id: 'preview-download' }, icon('download'), 'Download');
  const close = h('button', { type: 'button', class: 'btn', id: 'preview-close' }, 'Close');
  const dialog = modal({
    id: 'preview',
    wide: true,
    title: entry.name,
    body: [h('div', { class: 'meta' }, h('span', {}, entry.path), h('span', {}, bytes(entry.size)), h('span', {}, date(entry.modified))), content],
    footer: [close, dl],
  });
  dl.addEventListener('click', () => download(mount, entry));
  close.addEventListener('click', () => dialog.close());
  let objectUrl = null;
  dialog.addEventListener('close', () => objectUrl && URL.revokeObjectURL(objectUrl));
  close.focus();

  (async () => {
    try {
      if (kind === 'text') {
        const res = await api.content(mount, entry.path, { range: `bytes=0-${TEXT_LIMIT - 1}` });
        const text = await res.text();
        content.replaceChildren(h('pre', { class: 'preview-text', id: 'preview-text', tabindex: '0' }, text));
        if (entry.size > TEXT_LIMIT) content.append(h('p', { class: 'muted' }, `Showing the first ${bytes(TEXT_LIMIT)} of ${bytes(entry.size)}.`));
      } else if (kind === 'image' && entry.size <= IMAGE_LIMIT) {
        const res = await api.content(mount, entry.path);
        objectUrl = URL.createObjectURL(await res.blob());
        content.replaceChildren(h('img', { class: 'preview-img', id: 'preview-image', src: objectUrl, alt: entry.name }));
      } else {
        content.replaceChildren(h('div', { class: 'notice notice-info' },
          kind === 'image' ? `This image is ${bytes(entry.size)}, too large to preview here.` : 'There is no preview for this type of file. Download it to open it.'));
      }
    } catch (e) {
      content.replaceChildren(h('div', { class: 'notice notice-error' }, h('div', {}, h('strong', {}, 'Preview failed'), e.message)));
    }
  })();
}
