// A private one-to-one channel between a client and their therapist (the shared contract:
// /api/channels…, channel.{id}.in/.out). Same resume and exactly-once rules as a group room.
import { Conversation } from './conversation.js';

export class Channel extends Conversation {
  constructor({ channelId, api, bus, me }) {
    super({ api, bus });
    this.channelId = channelId;
    this.account = me;
  }

  get inAddress() {
    return `channel.${this.channelId}.in`;
  }

  get me() {
    return { accountId: this.account.id, displayName: this.account.displayName, role: this.account.role };
  }

  isMine(message) {
    const from = message.from || {};
    const id = from.accountId || from.id;
    if (id) return id === this.account.id;
    return from.role === this.account.role;
  }

  fetchPage(query) {
    return this.api.channelMessages(this.channelId, query);
  }

  /** The other person in the channel: {id, displayName}. */
  get other() {
    if (!this.view) return null;
    return this.account.role === 'therapist' ? this.view.client : this.view.therapist;
  }

  async open() {
    const [view, page] = await Promise.all([
      this.api.channel(this.channelId),
      this.api.channelMessages(this.channelId, { limit: 50 }),
    ]);
    if (this.closed) return;
    this.view = view;
    this.hasEarlier = !!page.hasMore;
    this.addMessages(page.messages || [], 'history');
    this.unsubscribe.push(this.bus.register(`channel.${this.channelId}.out`, (event) => {
      if (event && event.type === 'message') this.liveMessage(event);
    }));
    this.unsubscribe.push(this.bus.on('open', () => this.resume()));
    this.unsubscribe.push(this.on('messages', () => this.markRead()));
    if (this.bus.isOpen) this.resume();
    this.markRead();
  }

  /** Moves my read marker to the newest message shown (at most one request in flight). */
  markRead() {
    if (this.closed || !this.lastSeq || this.lastSeq <= (this.readSeq || 0) || document.hidden) return;
    if (this.marking) {
      this.markAgain = true;
      return;
    }
    const seq = this.lastSeq;
    this.marking = this.api.markChannelRead(this.channelId, seq)
      .then(() => { this.readSeq = Math.max(this.readSeq || 0, seq); })
      .catch(() => {})
      .finally(() => {
        this.marking = null;
        if (this.markAgain) {
          this.markAgain = false;
          this.markRead();
        }
      });
  }

  /**
   * After every (re)connect. A channel has no presence to confirm the registration, so history is
   * read once the registration has most likely taken effect, and once more a little later to
   * cover a message committed in between.
   */
  async resume() {
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (this.closed) return;
    await this.catchUp('resume');
    this.flushOutbox();
    setTimeout(() => { if (!this.closed) this.catchUp('gap'); }, 2000);
  }
}
