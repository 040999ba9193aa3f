// The REST API client: bearer token from session storage, problem+json turned into ApiError.

const TOKEN_KEY = 'transfuse.token';
const BASE = '/api/v1';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function signIn(value) {
  sessionStorage.setItem(TOKEN_KEY, value);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** An API error: the HTTP status and the RFC 9457 problem body (or a stand-in for one). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** The last segment of the problem type, e.g. "mount-busy". */
  get kind() {
    return (this.problem.type || '').split('/').pop();
  }

  /** The request field the error concerns ("name", "options.kernelTtl"...), if any. */
  get field() {
    return this.problem.field || null;
  }
}

async function problemOf(res) {
  const type = res.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await res.json();
    } catch (e) {
      // fall through to the stand-in
    }
  }
  return { title: res.statusText || `HTTP ${res.status}`, status: res.status, detail: `HTTP ${res.status} ${res.statusText}` };
}

/**
 * Calls the API. Returns parsed JSON (null for 204), or the Response itself with {raw: true}.
 * A 401 with the stored token signs out and tells the app, which shows the sign-in page.
 */
export async function call(path, { method = 'GET', body, headers = {}, raw = false, with: explicit } = {}) {
  const t = explicit ?? token();
  const h = { Accept: 'application/json, application/problem+json', ...headers };
  if (t) h.Authorization = `Bearer ${t}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(BASE + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { title: 'Service unreachable', detail: 'The transfuse service did not answer. Is it running?' });
  }
  if (!res.ok) {
    const problem = await problemOf(res);
    if (res.status === 401 && explicit === undefined && token()) {
      signOut();
      window.dispatchEvent(new CustomEvent('transfuse:unauthorized', { detail: problem }));
    }
    throw new ApiError(res.status, problem);
  }
  if (raw) return res;
  if (res.status === 204) return null;
  return res.json();
}

export const mountPath = (name) => `/mounts/${encodeURIComponent(name)}`;

export const api = {
  mounts: () => call('/mounts'),
  mount: (name) => call(mountPath(name)),
  create: (request) => call('/mounts', { method: 'POST', body: request }),
  remove: (name, force = false) => call(`${mountPath(name)}${force ? '?force=true' : ''}`, { method: 'DELETE' }),
  files: (name, path) => call(`${mountPath(name)}/files?path=${encodeURIComponent(path)}`),
  stats: (name) => call(`${mountPath(name)}/stats`),
  kernelStats: (name) => call(`${mountPath(name)}/kernel-stats`),
  invalidate: (name, path) => call(`${mountPath(name)}/invalidate?path=${encodeURIComponent(path)}`, { method: 'POST' }),
  /** The file's bytes as a Response; range limits how much is read (for previews). */
  content: (name, path, { download = false, range } = {}) => call(
    `${mountPath(name)}/content?path=${encodeURIComponent(path)}${download ? '&download=true' : ''}`,
    { raw: true, headers: range ? { Range: range } : {} }),
};
