// What every live conversation (a group room, a private channel) shares: messages keyed by seq,
// resuming without gaps or duplicates, and an outbox that sends each message exactly once.
//
// Resume: the highest seq seen is remembered; after every (re)connect the conversation pages
// GET …/messages?after=lastSeq until hasMore is false. Live events and history pages are merged
// by seq, so a message seen both ways shows once, always in seq order.
//
// Exactly once: every outgoing message gets a clientMsgId when it is written and keeps it. If the
// socket drops before the acknowledgement, it is sent again with the same id after the reconnect;
// the server answers with the original seq (duplicate: true) and stores nothing twice.
import { Emitter, uuid } from './dom.js';

const PAGE = 200;
const MAX_AUTO_RETRIES = 4;

export class ActionError extends Error {
  constructor(code, message, retryAfter) {
    super(message || code);
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

export class Conversation extends Emitter {
  constructor({ api, bus }) {
    super();
    this.api = api;
    this.bus = bus;
    /** seq -> {seq, from, text, at, status, reactions: {emoji: count}} */
    this.messages = new Map();
    this.lastSeq = 0;
    this.hasEarlier = false;
    this.outbox = [];
    this.closed = false;
    this.catchUpRunning = null;
    this.catchUpAgain = false;
    this.gapTimer = null;
    this.unsubscribe = [];
  }

  // ---- to be provided by subclasses ----
  /** A page of history: {messages, hasMore}; query {after} or {before} and {limit}. */
  fetchPage(query) { throw new Error(`fetchPage not implemented: ${query}`); }
  /** The address actions are sent to. */
  get inAddress() { throw new Error('inAddress not implemented'); }
  /** The author of my own messages, for showing one before its event arrives. */
  get me() { return {}; }
  isMine(message) { return false; }

  close() {
    this.closed = true;
    clearTimeout(this.gapTimer);
    this.unsubscribe.forEach((fn) => fn());
    this.unsubscribe = [];
  }

  /** Adds or updates messages by seq; emits and returns the ones that were new. */
  addMessages(list, source) {
    const added = [];
    for (const raw of list) {
      if (!raw || typeof raw.seq !== 'number') continue;
      const existing = this.messages.get(raw.seq);
      if (existing) {
        Object.assign(existing, raw, { reactions: raw.reactions || existing.reactions || {} });
        this.emit('message-changed', existing);
      } else {
        const m = { ...raw, reactions: raw.reactions || {} };
        delete m.type;
        this.messages.set(m.seq, m);
        added.push(m);
      }
      if (raw.seq > this.lastSeq) this.lastSeq = raw.seq;
    }
    if (added.length) {
      added.sort((a, b) => a.seq - b.seq);
      this.emit('messages', { messages: added, source });
    }
    return added;
  }

  /** A live message event: added, and a gap in seq triggers a catch-up. */
  liveMessage(event) {
    const gap = this.lastSeq > 0 && event.seq > this.lastSeq + 1;
    this.addMessages([event], 'live');
    if (gap) {
      clearTimeout(this.gapTimer);
      this.gapTimer = setTimeout(() => this.catchUp('gap'), 300);
    }
  }

  /** Pages history after lastSeq until hasMore is false. Concurrent calls share one run. */
  catchUp(source = 'resume') {
    if (this.catchUpRunning) {
      this.catchUpAgain = true;
      return this.catchUpRunning;
    }
    this.catchUpRunning = (async () => {
      let found = 0;
      try {
        do {
          this.catchUpAgain = false;
          let hasMore = true;
          while (hasMore && !this.closed) {
            const page = await this.fetchPage({ after: this.lastSeq, limit: PAGE });
            const list = page.messages || [];
            found += this.addMessages(list, source).length;
            hasMore = !!page.hasMore && list.length > 0;
          }
        } while (this.catchUpAgain && !this.closed);
      } catch (e) {
        this.emit('catch-up-failed', e);
      } finally {
        this.catchUpRunning = null;
      }
      if (found && source === 'resume') this.emit('caught-up', found);
      return found;
    })();
    return this.catchUpRunning;
  }

  /** Earlier messages (before the oldest shown). */
  async loadEarlier(limit = 50) {
    const oldest = Math.min(...this.messages.keys());
    if (!Number.isFinite(oldest)) return 0;
    const page = await this.fetchPage({ before: oldest, limit });
    this.hasEarlier = !!page.hasMore;
    return this.addMessages(page.messages || [], 'earlier').length;
  }

  /** Sends an action; resolves with the reply, throws an ActionError when refused or undeliverable. */
  async act(body) {
    let reply;
    try {
      reply = await this.bus.request(this.inAddress, body);
    } catch (e) {
      throw new ActionError(e.code || 'DISCONNECTED', e.message);
    }
    if (!reply || reply.ok !== true) {
      const error = (reply && reply.error) || {};
      throw new ActionError(error.code || 'INVALID', error.message, error.retryAfter);
    }
    return reply;
  }

  // ---- the outbox ----

  say(text) {
    const item = { clientMsgId: `c-${uuid()}`, text, state: 'sending', attempts: 0, at: new Date().toISOString() };
    this.outbox.push(item);
    this.emit('outbox', this.outbox);
    this.send(item);
    return item;
  }

  async send(item) {
    if (item.inFlight || this.closed || !this.outbox.includes(item)) return;
    if (!this.bus.isOpen) {
      item.state = 'waiting';
      this.emit('outbox', this.outbox);
      return;
    }
    item.inFlight = true;
    item.state = 'sending';
    item.attempts += 1;
    this.emit('outbox', this.outbox);
    let reply;
    try {
      reply = await this.act({ type: 'say', text: item.text, clientMsgId: item.clientMsgId });
    } catch (e) {
      item.inFlight = false;
      this.sendFailed(item, e);
      return;
    }
    this.dropFromOutbox(item);
    const privately = reply.shared === false;
    if (typeof reply.seq === 'number' && (!this.messages.has(reply.seq) || privately)) {
      // The acknowledgement can overtake the event: show the message now; the event (same seq) updates it.
      // A message the room did not share stays on the author's screen, marked as sent privately.
      const m = { seq: reply.seq, from: this.me, text: item.text.trim(), at: new Date().toISOString() };
      if (privately) Object.assign(m, { status: 'private', reactable: false });
      this.addMessages([m], 'mine');
    }
    if (reply.support || privately) {
      this.emit('support', { ...(reply.support || {}), seq: reply.seq, shared: reply.shared, message: reply.message });
    }
  }

  sendFailed(item, e) {
    if (e.code === 'DISCONNECTED' || e.code === 'TIMEOUT') {
      item.state = 'waiting';
      this.emit('outbox', this.outbox);
      if (e.code === 'TIMEOUT' && this.bus.isOpen) setTimeout(() => this.send(item), 1000);
      return;
    }
    if (e.code === 'UNAVAILABLE' && item.attempts < MAX_AUTO_RETRIES) {
      item.state = 'waiting';
      this.emit('outbox', this.outbox);
      setTimeout(() => this.send(item), 1000 * 2 ** item.attempts);
      return;
    }
    if (e.code === 'UNAVAILABLE') {
      item.state = 'failed';
      item.error = e;
      this.emit('outbox', this.outbox);
      return;
    }
    this.dropFromOutbox(item);
    this.emit('refused', { item, error: e });
  }

  dropFromOutbox(item) {
    item.inFlight = false;
    const i = this.outbox.indexOf(item);
    if (i >= 0) this.outbox.splice(i, 1);
    this.emit('outbox', this.outbox);
  }

  /** Resends everything not yet acknowledged, in order, each with its original clientMsgId. */
  async flushOutbox() {
    for (const item of [...this.outbox]) {
      if (item.state === 'failed' || item.inFlight) continue;
      await this.send(item);
    }
  }

  retry(item) {
    item.state = 'waiting';
    item.attempts = 0;
    this.send(item);
  }

  discard(item) {
    this.dropFromOutbox(item);
  }
}
