// Tokens: the access token lives only in memory; the refresh token in sessionStorage (this tab
// only, gone when it closes). Nothing else is ever stored in the browser.
import { ApiError, http } from './api.js';
import { Emitter } from './dom.js';

const REFRESH_KEY = 'talkingstick.refreshToken';
/** Refresh this long before the access token expires (or a quarter of its lifetime, if shorter). */
const REFRESH_MARGIN_MS = 60_000;
/** Before a request, a token with less than this left (or an eighth of its lifetime) is refreshed first. */
const FRESH_ENOUGH_MS = 30_000;

function decodeClaims(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = part + '='.repeat((4 - (part.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    return {};
  }
}

export class SignedOutError extends Error {
  constructor(reason) {
    super('signed out');
    this.signedOut = true;
    this.reason = reason;
  }
}

export class Auth extends Emitter {
  constructor() {
    super();
    this.accessToken = null;
    this.claims = null;
    this.expiresAt = 0;
    this.refreshing = null;
    this.timer = null;
  }

  get signedIn() {
    return this.accessToken !== null;
  }

  get accountId() {
    return this.claims ? this.claims.sub : null;
  }

  get role() {
    return this.claims ? this.claims.role : null;
  }

  /** Signs in again from this tab's refresh token, if there is one. */
  async restore() {
    if (!sessionStorage.getItem(REFRESH_KEY)) return false;
    try {
      await this.refresh();
      return true;
    } catch (e) {
      return false;
    }
  }

  async login(username, password) {
    const tokens = await http('POST', '/api/auth/login', { body: { username, password } });
    this.accept(tokens);
  }

  async register(username, password, displayName) {
    await http('POST', '/api/auth/register', { body: { username, password, displayName } });
    await this.login(username, password);
  }

  accept(tokens) {
    this.accessToken = tokens.accessToken;
    this.claims = decodeClaims(tokens.accessToken);
    const lifetimeMs = (Number(tokens.expiresIn) || 900) * 1000;
    this.lifetimeMs = lifetimeMs;
    this.expiresAt = Date.now() + lifetimeMs;
    sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
    this.schedule(Math.max(1_000, lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 4)));
    this.emit('tokens', this);
  }

  schedule(delayMs) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.refresh().catch(() => { /* handled in refresh */ });
    }, delayMs);
  }

  /**
   * Trades the refresh token for a new pair. Only one refresh runs at a time: refresh tokens are
   * single use, and presenting a used one would revoke the whole sign-in.
   */
  refresh() {
    if (this.refreshing) return this.refreshing;
    this.refreshing = (async () => {
      const refreshToken = sessionStorage.getItem(REFRESH_KEY);
      if (!refreshToken) throw this.signedOut('expired');
      try {
        const tokens = await http('POST', '/api/auth/refresh', { body: { refreshToken } });
        this.accept(tokens);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 401 || e.status === 400)) throw this.signedOut('expired');
        // The server or network is unreachable: keep the session and try again soon.
        this.schedule(15_000);
        throw e;
      }
    })().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Makes sure the access token is valid for at least the next 30 seconds. */
  async ensureFresh() {
    if (!this.accessToken) {
      await this.refresh();
      return;
    }
    if (this.expiresAt - Date.now() < Math.min(FRESH_ENOUGH_MS, (this.lifetimeMs || 900_000) / 8)) await this.refresh();
  }

  async logout() {
    const token = this.accessToken;
    this.forget();
    if (token) {
      try {
        await http('POST', '/api/auth/logout', { token });
      } catch (e) {
        /* already signed out locally */
      }
    }
    this.emit('signed-out', 'logout');
  }

  forget() {
    clearTimeout(this.timer);
    this.accessToken = null;
    this.claims = null;
    this.expiresAt = 0;
    sessionStorage.removeItem(REFRESH_KEY);
  }

  /** Ends the local session (expired, or signed out elsewhere) and tells the app. */
  signedOut(reason) {
    const wasSignedIn = this.accessToken !== null || sessionStorage.getItem(REFRESH_KEY) !== null;
    this.forget();
    if (wasSignedIn) this.emit('signed-out', reason);
    return new SignedOutError(reason);
  }
}
