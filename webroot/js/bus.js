// Event bus client speaking the vert.x bridge's raw WebSocket protocol directly.
//
// - A fresh single-use ticket (POST /api/auth/ws-ticket) for every connection attempt.
// - Text frames out: {type: "send"|"register"|"unregister"|"ping", address, body, replyAddress}.
// - Binary frames in (UTF-8 JSON): {type: "rec", address, body} and {type: "err", body, ...}.
// - Ping every 20 s; on close or error, reconnect with exponential backoff and re-register every
//   address. Listeners of "open" (rooms, channels) then catch up on what they missed.
import { Emitter, uuid } from './dom.js';

const PING_MS = 20_000;
const REQUEST_TIMEOUT_MS = 30_000;
const BACKOFF_START_MS = 500;
const BACKOFF_MAX_MS = 15_000;
/** A connection that stayed up this long resets the backoff. */
const STABLE_MS = 10_000;

export class BusError extends Error {
  constructor(code, message) {
    super(message || code);
    this.code = code;
  }
}

export class EventBus extends Emitter {
  /**
   * ticket: async () => ticket string (may throw an error with signedOut = true).
   * url: the WebSocket URL without the ticket (default: this page's host, /eventbus/websocket).
   */
  constructor({ ticket, url }) {
    super();
    this.ticketFn = ticket;
    this.url = url || `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/eventbus/websocket`;
    this.handlers = new Map();
    this.pending = new Map();
    this.ws = null;
    this.state = 'idle';
    this.stopped = true;
    this.attempt = 0;
    this.reconnectTimer = null;
    this.pingTimer = null;
    this.openedAt = 0;
    this.holdUntil = 0;
    this.decoder = new TextDecoder('utf-8');
    this.onBrowserOnline = () => {
      if (!this.stopped && this.state === 'offline') this.connectSoon(0);
    };
  }

  get isOpen() {
    return this.state === 'open';
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    window.addEventListener('online', this.onBrowserOnline);
    this.connectSoon(0);
  }

  stop() {
    this.stopped = true;
    window.removeEventListener('online', this.onBrowserOnline);
    clearTimeout(this.reconnectTimer);
    this.stopPing();
    const ws = this.ws;
    this.ws = null;
    if (ws) ws.close(1000, 'bye');
    this.failPending('DISCONNECTED');
    this.handlers.clear();
    this.setState('idle');
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.emit('status', state);
  }

  connectSoon(delayMs) {
    clearTimeout(this.reconnectTimer);
    const wait = Math.max(delayMs, this.holdUntil - Date.now());
    this.reconnectTimer = setTimeout(() => this.connect(), Math.max(0, wait));
  }

  async connect() {
    if (this.stopped || this.ws) return;
    this.setState(this.attempt === 0 && this.state === 'idle' ? 'connecting' : 'reconnecting');
    let ticket;
    try {
      ticket = await this.ticketFn();
    } catch (e) {
      if (e && e.signedOut) {
        this.stop();
        return;
      }
      this.scheduleReconnect();
      return;
    }
    if (this.stopped || this.ws) return;
    let ws;
    try {
      ws = new WebSocket(`${this.url}?ticket=${encodeURIComponent(ticket)}`);
    } catch (e) {
      this.scheduleReconnect();
      return;
    }
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.openedAt = Date.now();
      for (const address of this.handlers.keys()) this.write({ type: 'register', address });
      this.startPing();
      this.setState('open');
      this.emit('open');
    };
    ws.onmessage = (event) => {
      if (this.ws === ws) this.receive(event.data);
    };
    ws.onerror = () => { /* onclose follows */ };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.stopPing();
      this.failPending('DISCONNECTED');
      if (this.openedAt && Date.now() - this.openedAt >= STABLE_MS) this.attempt = 0;
      this.openedAt = 0;
      if (this.stopped) return;
      this.emit('closed', event.code);
      if (event.code === 4403) {
        // The account signed out (here or elsewhere): no reconnecting.
        this.emit('signed-out');
        this.stop();
        return;
      }
      if (event.code === 4401) {
        // The access token this socket was opened with expired: reconnect at once with a new one.
        this.setState('reconnecting');
        this.connectSoon(0);
        return;
      }
      this.scheduleReconnect();
    };
  }

  scheduleReconnect() {
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** this.attempt);
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    this.attempt += 1;
    this.setState('offline');
    this.connectSoon(delay);
  }

  receive(data) {
    let frame;
    try {
      frame = JSON.parse(typeof data === 'string' ? data : this.decoder.decode(data));
    } catch (e) {
      return;
    }
    if (!frame || typeof frame !== 'object') return;
    if (frame.type === 'rec' || frame.type === 'message') {
      const waiting = this.pending.get(frame.address);
      if (waiting) {
        this.settle(frame.address, null, frame.body);
        return;
      }
      const handlers = this.handlers.get(frame.address);
      if (handlers) for (const fn of [...handlers]) {
        try {
          fn(frame.body, frame);
        } catch (e) {
          console.error('handler failed', e);
        }
      }
      return;
    }
    if (frame.type === 'err') {
      if (frame.address && this.pending.has(frame.address)) {
        // A failed reply (no handler, timeout, recipient failure).
        this.settle(frame.address, new BusError(frame.failureType === 'TIMEOUT' ? 'TIMEOUT' : 'UNAVAILABLE', frame.message));
        return;
      }
      // {type: "err", body: "rejected"} names no address: it answers the oldest request in flight.
      const oldest = [...this.pending.entries()].sort((a, b) => a[1].sentAt - b[1].sentAt)[0];
      if (oldest) this.settle(oldest[0], new BusError(frame.body === 'rejected' ? 'REJECTED' : 'INVALID', String(frame.body)));
      else this.emit('error-frame', frame);
    }
  }

  settle(replyAddress, error, body) {
    const waiting = this.pending.get(replyAddress);
    if (!waiting) return;
    this.pending.delete(replyAddress);
    clearTimeout(waiting.timer);
    if (error) waiting.reject(error);
    else waiting.resolve(body);
  }

  failPending(code) {
    for (const replyAddress of [...this.pending.keys()]) this.settle(replyAddress, new BusError(code));
  }

  write(frame) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  /** Listens on an address for as long as the returned function is not called; kept across reconnects. */
  register(address, handler) {
    let set = this.handlers.get(address);
    if (!set) {
      set = new Set();
      this.handlers.set(address, set);
      if (this.isOpen) this.write({ type: 'register', address });
    }
    set.add(handler);
    return () => {
      const current = this.handlers.get(address);
      if (!current) return;
      current.delete(handler);
      if (current.size === 0) {
        this.handlers.delete(address);
        if (this.isOpen) this.write({ type: 'unregister', address });
      }
    };
  }

  /** Registers an address again (unregister, register), e.g. when the server seems not to have taken it. */
  reregister(address) {
    if (!this.isOpen || !this.handlers.has(address)) return;
    this.write({ type: 'unregister', address });
    this.write({ type: 'register', address });
  }

  /** Sends with a reply address; resolves with the reply body, rejects with a BusError. */
  request(address, body, timeoutMs = REQUEST_TIMEOUT_MS) {
    if (!this.isOpen) return Promise.reject(new BusError('DISCONNECTED'));
    const replyAddress = uuid();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.settle(replyAddress, new BusError('TIMEOUT')), timeoutMs);
      this.pending.set(replyAddress, { resolve, reject, timer, sentAt: performance.now() });
      if (!this.write({ type: 'send', address, body, replyAddress })) {
        this.settle(replyAddress, new BusError('DISCONNECTED'));
      }
    });
  }

  startPing() {
    this.stopPing();
    this.pingTimer = setInterval(() => this.write({ type: 'ping' }), PING_MS);
  }

  stopPing() {
    clearInterval(this.pingTimer);
    this.pingTimer = null;
  }

  /** Test hook (only installed with ?test=1): drops the socket as a network failure would. */
  dropForTest(holdMs = 0) {
    this.holdUntil = Date.now() + holdMs;
    if (this.ws) this.ws.close(4000, 'dropped for a test');
  }
}
