// One group room as this person sees it: the conversation (see conversation.js), the floor, the
// queue, who is present and the session; for the group's therapists also the .staff events.
import { ActionError, Conversation } from './conversation.js';

const INITIAL_PAGE = 50;
const PRESENCE_WAIT_MS = 1500;

export { ActionError as RoomError };

export const addresses = {
  in: (id) => `group.${id}.in`,
  out: (id) => `group.${id}.out`,
  staff: (id) => `group.${id}.staff`,
};

export class Room extends Conversation {
  constructor({ groupId, api, bus }) {
    super({ api, bus });
    this.groupId = groupId;
    this.view = null;
    this.you = null;
    this.members = new Map();
    this.turn = { mode: 'open', chosenMode: 'open', speaker: null, queue: [], round: [], endsAt: null };
    this.turnVersion = 0;
    this.online = [];
    this.session = { state: 'closed' };
    this.removed = false;
    this.presenceWaiters = [];
  }

  get isStaff() {
    return !!this.you && this.you.role === 'therapist';
  }

  get myMemberId() {
    return this.you ? this.you.memberId : null;
  }

  get inAddress() {
    return addresses.in(this.groupId);
  }

  get me() {
    return { memberId: this.myMemberId, pseudonym: this.you ? this.you.pseudonym : '', role: this.you ? this.you.role : 'client' };
  }

  isMine(message) {
    return !!message.from && !!this.myMemberId && message.from.memberId === this.myMemberId;
  }

  fetchPage(query) {
    return this.api.messages(this.groupId, query);
  }

  /** Loads the room (settings, live state, latest messages) and joins it live. */
  async open() {
    const [view, page] = await Promise.all([
      this.api.group(this.groupId),
      this.api.messages(this.groupId, { limit: INITIAL_PAGE }),
    ]);
    if (this.closed) return;
    this.applyView(view);
    this.hasEarlier = !!page.hasMore;
    this.addMessages(page.messages || [], 'history');
    this.unsubscribe.push(this.bus.register(addresses.out(this.groupId), (event) => this.onEvent(event)));
    if (this.isStaff) {
      this.unsubscribe.push(this.bus.register(addresses.staff(this.groupId), (event) => this.emit('staff', event)));
    }
    this.unsubscribe.push(this.bus.on('open', () => this.resume()));
    if (this.bus.isOpen) this.resume();
  }

  applyView(view) {
    this.view = view;
    this.you = view.you || null;
    this.members = new Map((view.members || []).map((m) => [m.memberId, m]));
    const live = view.live || {};
    if (live.session) this.session = live.session;
    this.turn = {
      mode: live.mode || view.mode || 'open',
      chosenMode: live.chosenMode || live.mode || view.mode || 'open',
      speaker: live.speaker || null,
      queue: live.queue || [],
      round: live.round || [],
      endsAt: live.endsAt || null,
    };
    this.online = live.online || [];
    this.emit('view', view);
    this.emit('session', this.session);
    this.emit('turn', this.turn);
    this.emit('presence', this.online);
  }

  onEvent(event) {
    if (!event || typeof event !== 'object' || this.closed) return;
    switch (event.type) {
      case 'message':
        this.liveMessage(event);
        break;
      case 'turn':
        this.turnVersion += 1;
        this.turn = {
          mode: event.mode, chosenMode: event.chosenMode || event.mode, speaker: event.speaker || null,
          queue: event.queue || [], round: event.round || [], endsAt: event.endsAt || null,
        };
        this.emit('turn', this.turn);
        break;
      case 'presence':
        this.online = event.online || [];
        for (const p of this.online) if (!this.members.has(p.memberId)) this.members.set(p.memberId, p);
        this.emit('presence', this.online);
        if (this.online.some((p) => p.memberId === this.myMemberId)) {
          this.presenceWaiters.splice(0).forEach((resolve) => resolve());
        }
        break;
      case 'session':
        this.session = event;
        this.emit('session', event);
        break;
      case 'facilitator':
        this.emit('facilitator', { text: event.text, at: new Date().toISOString() });
        break;
      case 'reaction': {
        const m = this.messages.get(event.seq);
        if (m) {
          m.reactions = { ...(m.reactions || {}), [event.emoji]: event.count };
          this.emit('reaction', m);
        }
        break;
      }
      case 'no-reactions': {
        const m = this.messages.get(event.seq);
        if (m) {
          m.reactable = false;
          m.reactions = {};
          this.emit('message-changed', m);
        }
        break;
      }
      case 'redacted': {
        const m = this.messages.get(event.seq);
        if (m) {
          m.redacted = true;
          m.text = '';
          this.emit('message-changed', m);
        }
        break;
      }
      case 'moderation':
        if (event.action === 'removed' && event.memberId && event.memberId === this.myMemberId) {
          this.removed = true;
          this.emit('removed', event);
        }
        this.emit('moderation', { ...event, who: this.members.get(event.memberId) });
        break;
      default:
        this.emit('other', event);
    }
  }

  /** After every (re)connect: wait until present, catch up on missed messages, resync, resend. */
  async resume() {
    if (this.closed) return;
    let present = await this.waitForPresence();
    if (this.closed) return;
    if (!present && this.bus.isOpen) {
      // The room did not list us (e.g. we registered a moment before it knew we had joined): register again.
      this.bus.reregister(addresses.out(this.groupId));
      present = await this.waitForPresence();
      if (this.closed) return;
    }
    await this.catchUp('resume');
    await this.refreshLiveState();
    this.flushOutbox();
  }

  /** Resolves true once the room lists us as present, or false after a short wait. */
  waitForPresence() {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), PRESENCE_WAIT_MS);
      this.presenceWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** The facilitator's current view (floor, queue, session, presence), unless live events overtook it. */
  async refreshLiveState() {
    const before = this.turnVersion;
    try {
      const view = await this.api.group(this.groupId);
      if (this.closed) return;
      if (this.turnVersion === before) {
        this.applyView(view);
      } else {
        this.view = view;
        this.you = view.you || this.you;
        for (const m of view.members || []) this.members.set(m.memberId, m);
        this.emit('view', view);
      }
    } catch (e) {
      if (e && e.status === 404) {
        this.removed = true;
        this.emit('removed', {});
      }
    }
  }

  // ---- actions on group.{id}.in ----
  raiseHand() { return this.act({ type: 'raise-hand' }); }
  lowerHand() { return this.act({ type: 'lower-hand' }); }
  pass() { return this.act({ type: 'pass' }); }

  async react(seq, emoji) {
    const reply = await this.act({ type: 'react', seq, emoji });
    const m = this.messages.get(seq);
    if (m && typeof reply.count === 'number') {
      m.reactions = { ...(m.reactions || {}), [emoji]: reply.count };
      this.emit('reaction', m);
    }
    return reply;
  }

  // therapist actions
  grant(memberId) { return this.act({ type: 'grant', memberId }); }
  next() { return this.act({ type: 'next' }); }
  setMode(mode, turnSeconds, queueOrder) {
    const body = { type: 'set-mode', mode };
    if (Number.isInteger(turnSeconds)) body.turnSeconds = turnSeconds;
    if (queueOrder) body.queueOrder = queueOrder;
    return this.act(body);
  }
  setSlowMode(seconds, memberId) {
    const body = { type: 'set-slow-mode', seconds };
    if (memberId) body.memberId = memberId;
    return this.act(body);
  }
  start(topic) { return this.act(topic ? { type: 'start', topic } : { type: 'start' }); }
  end() { return this.act({ type: 'end' }); }
  /** Moderation and review actions of the shared contract: warn, mute, unmute, redact, approve, reject. */
  moderate(type, fields) { return this.act({ type, ...fields }); }

  memberName(memberId) {
    const m = this.members.get(memberId) || this.online.find((p) => p.memberId === memberId);
    return m ? m.pseudonym : 'someone';
  }
}
