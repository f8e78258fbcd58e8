// Session and API access. The access token lives in memory only; the newest refresh token is shared by the tabs
// of this browser (localStorage), and refreshing is single-flight across them (Web Locks API), so two tabs never
// present the same rotating refresh token (auth-service revokes the whole login on reuse).

const REFRESH_KEY = 'misty.refresh-token';
const USER_KEY = 'misty.user';
/** Why the shared session ended, for the other tabs to show the same reason. */
const END_REASON_KEY = 'misty.end-reason';
const REFRESH_LOCK = 'misty-token-refresh';
/** Refresh when this share of the token's lifetime is left (20 s tokens in the system tests: after 12 s). */
const REFRESH_WHEN_LEFT = 0.4;

export const REFUSALS = {
  REFRESH_TOKEN_REUSED: 'Your session was ended for safety: its sign-in was used from two places at once. Please sign in again.',
  INVALID_REFRESH_TOKEN: 'Your session has ended (signed out everywhere, expired or revoked). Please sign in again.',
};

/** A refused request: status, the problem+json body and its code; the message is the problem's detail. */
export class Problem extends Error {
  constructor(status, body, headers) {
    super((body && (body.detail || body.title)) || `The request failed (HTTP ${status}).`);
    this.status = status;
    this.body = body || {};
    this.code = this.body.code || null;
    this.retryAfter = headers ? Number(headers.get('Retry-After')) || null : null;
  }
}

export const OFFLINE_DETAIL = 'The server cannot be reached (offline?). Nothing was lost: try again when the connection is back.';

async function readBody(response) {
  const type = response.headers.get('Content-Type') || '';
  if (response.status === 204) return null;
  if (type.includes('json')) {
    try { return await response.json(); } catch { return null; }
  }
  const text = await response.text();
  return text ? { detail: text } : null;
}

async function send(method, path, { body, headers = {}, token, asBlob = false } = {}) {
  const init = { method, headers: { Accept: 'application/json, application/problem+json', ...headers }, cache: 'no-store' };
  if (token) init.headers.Authorization = 'Bearer ' + token;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    network.report(false);
    throw new Problem(0, { detail: OFFLINE_DETAIL, code: 'OFFLINE' });
  }
  network.report(true);
  const answer = asBlob && response.ok ? await response.blob() : await readBody(response);
  return { status: response.status, headers: response.headers, body: answer };
}

/** Whether the server was reachable at the last attempt (the offline banner). */
class Network extends EventTarget {
  constructor() {
    super();
    this.online = navigator.onLine;
    window.addEventListener('online', () => this.report(true));
    window.addEventListener('offline', () => this.report(false));
  }
  report(online) {
    if (online !== this.online) {
      this.online = online;
      this.dispatchEvent(new Event('change'));
    }
  }
}
export const network = new Network();

class Session extends EventTarget {
  constructor() {
    super();
    this.accessToken = null;
    this.user = null;
    this.expiresAt = 0;
    this.lifetimeMs = 0;
    this.timer = null;
    this.refreshing = null;
    this.endReason = null;
    // Another tab signed out (or its refresh was refused): the shared refresh token is gone.
    window.addEventListener('storage', (e) => {
      if (e.key === REFRESH_KEY && !e.newValue && this.user) {
        this.end(localStorage.getItem(END_REASON_KEY) || 'You were signed out in another tab.');
      }
    });
  }

  get signedIn() { return this.user !== null; }
  hasRole(...roles) { return this.user !== null && roles.includes(this.user.role); }

  async signIn(username, password) {
    const r = await send('POST', '/api/auth/login', { body: { username, password } });
    if (r.status !== 200) throw new Problem(r.status, r.body, r.headers);
    this.adopt(r.body);
  }

  /** Signs in again from the shared refresh token (a reload, a new tab); false when there is none. */
  async restore() {
    if (!localStorage.getItem(REFRESH_KEY)) return false;
    try {
      await this.refresh();
      return this.signedIn;
    } catch (e) {
      return false;
    }
  }

  adopt(tokens) {
    const previousUser = this.user && this.user.id;
    this.accessToken = tokens.access_token;
    this.user = tokens.user;
    this.lifetimeMs = tokens.expires_in * 1000;
    this.expiresAt = Date.now() + this.lifetimeMs;
    this.endReason = null;
    localStorage.removeItem(END_REASON_KEY);
    localStorage.setItem(REFRESH_KEY, tokens.refresh_token);
    localStorage.setItem(USER_KEY, tokens.user.username);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh().catch(() => {}), this.lifetimeMs * (1 - REFRESH_WHEN_LEFT));
    if (previousUser !== this.user.id) this.dispatchEvent(new Event('change'));
    this.dispatchEvent(new Event('refreshed'));
  }

  /** Single-flight in this tab (one promise) and across tabs (one Web Lock, the newest token read inside it). */
  refresh() {
    if (!this.refreshing) {
      const run = () => this.refreshWithNewestToken();
      // Web Locks exist on secure origins (https, localhost); elsewhere the server's grace window for
      // concurrent refreshes is what keeps two tabs from being taken for a stolen token.
      const locked = navigator.locks ? navigator.locks.request(REFRESH_LOCK, run) : run();
      this.refreshing = locked.finally(() => { this.refreshing = null; });
    }
    return this.refreshing;
  }

  async refreshWithNewestToken() {
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    if (!refreshToken) {
      this.end(this.user ? localStorage.getItem(END_REASON_KEY) || 'You were signed out in another tab.' : null);
      throw new Problem(401, { detail: 'Not signed in.', code: 'SIGNED_OUT' });
    }
    const r = await send('POST', '/api/auth/refresh', { body: { refresh_token: refreshToken } });
    if (r.status === 200) {
      this.adopt(r.body);
      return;
    }
    const problem = new Problem(r.status, r.body, r.headers);
    if (r.status === 401 || r.status === 403) {
      const reason = REFUSALS[problem.code] || problem.message;
      localStorage.setItem(END_REASON_KEY, reason);
      localStorage.removeItem(REFRESH_KEY);
      this.end(reason);
    } else {
      // Throttled or the server is down: keep the session, try again shortly.
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.refresh().catch(() => {}), 3000);
    }
    throw problem;
  }

  /** An access token valid for a few more seconds (refreshing first if needed). */
  async validToken() {
    if (!this.accessToken) throw new Problem(401, { detail: 'Not signed in.', code: 'SIGNED_OUT' });
    if (Date.now() > this.expiresAt - 2000) await this.refresh();
    return this.accessToken;
  }

  end(reason) {
    clearTimeout(this.timer);
    const wasSignedIn = this.user !== null;
    this.accessToken = null;
    this.user = null;
    this.endReason = reason;
    if (wasSignedIn) this.dispatchEvent(new Event('change'));
  }

  async signOut() {
    await this.sendAndEnd('/api/auth/logout', 'You signed out.');
  }

  async signOutEverywhere() {
    await this.sendAndEnd('/api/auth/logout-all', 'You signed out on every device.');
  }

  async sendAndEnd(path, reason) {
    try {
      await api('POST', path);
    } finally {
      localStorage.removeItem(REFRESH_KEY);
      this.end(reason);
    }
  }

  lastUsername() { return localStorage.getItem(USER_KEY) || ''; }
}

export const session = new Session();

/**
 * An API call as the signed-in user; answers the parsed body (and headers through {@link apiFull}), throws a
 * {@link Problem} for any error. A 401 is retried once after a refresh (the token may have just expired).
 */
export async function apiFull(method, path, body, headers) {
  return authorized(method, path, { body, headers });
}

/** A file the server makes (an export), as a Blob, with the same token, refresh and errors as {@link api}. */
export async function download(path, accept) {
  return (await authorized('GET', path, { headers: { Accept: accept }, asBlob: true })).body;
}

async function authorized(method, path, options) {
  let r = await send(method, path, { ...options, token: await session.validToken() });
  if (r.status === 401 && session.signedIn) {
    await session.refresh();
    r = await send(method, path, { ...options, token: session.accessToken });
  }
  if (r.status >= 400) throw new Problem(r.status, r.body, r.headers);
  return r;
}

export async function api(method, path, body, headers) {
  return (await apiFull(method, path, body, headers)).body;
}

/** "Try again in 8 s (at 10:42:07)" for a 429's Retry-After. */
export function retryText(seconds) {
  if (!seconds) return 'Try again later.';
  const at = new Date(Date.now() + seconds * 1000).toLocaleTimeString();
  const span = seconds < 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
  return `Try again in ${span} (at ${at}).`;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

/**
 * Keeps a list's loads in order: a screen calls `begin()` before each load and applies the answer only while
 * `isNewest(ticket)`. Loads overlap (the first load on opening a screen, a search submitted meanwhile, a live
 * update's reload), and an older, slower answer, say the unfiltered first page, must not replace a newer one.
 */
export class NewestLoad {
  constructor() { this.newest = 0; }
  begin() { return ++this.newest; }
  isNewest(ticket) { return ticket === this.newest; }
}
