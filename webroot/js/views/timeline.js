// The conversation as a list: messages in seq order (keyed by seq, so never twice), facilitator
// prompts and quiet system notes where they happened, reactions, and my messages still sending.
import { announce, formatDateTime, formatTime, h, replace, uid } from '../dom.js';
import { EMOJI } from '../texts.js';

const NEAR_BOTTOM_PX = 80;

export class Timeline {
  /**
   * conversation: a Conversation; options: {title, reactions (bool), onReact(seq, emoji) -> Promise,
   * label(message) -> author label, describeRole(message) -> small tag or null}.
   */
  constructor(conversation, options = {}) {
    this.conversation = conversation;
    this.options = options;
    this.items = [];
    this.bySeq = new Map();
    this.counter = 0;
    const titleId = uid('timeline');
    this.earlierButton = h('button', { type: 'button', class: 'button-quiet earlier', text: 'Show earlier messages', hidden: true,
      on: { click: () => this.loadEarlier() } });
    this.list = h('ol', { class: 'timeline', attrs: { 'aria-labelledby': titleId } });
    this.empty = h('p', { class: 'timeline-empty', text: options.emptyText || 'No messages yet.' });
    this.outboxList = h('ol', { class: 'outbox', attrs: { 'aria-label': 'Messages you are sending' } });
    this.scroller = h('div', { class: 'timeline-scroll', tabIndex: 0 },
      this.earlierButton, this.empty, this.list, this.outboxList);
    this.el = h('section', { class: 'timeline-section', attrs: { 'aria-labelledby': titleId } },
      h('h2', { id: titleId, class: 'visually-hidden', text: options.title || 'Conversation' }),
      this.scroller);
    const c = conversation;
    this.subs = [
      c.on('messages', ({ messages, source }) => this.onMessages(messages, source)),
      c.on('message-changed', (m) => this.renderMessage(m)),
      c.on('reaction', (m) => this.renderMessage(m)),
      c.on('outbox', (items) => this.renderOutbox(items)),
      c.on('caught-up', (n) => announce(`${n} new message${n === 1 ? '' : 's'} arrived while you were away.`)),
    ];
  }

  destroy() {
    this.subs.forEach((fn) => fn());
  }

  /** Renders what the conversation already holds. */
  init() {
    const all = [...this.conversation.messages.values()].sort((a, b) => a.seq - b.seq);
    this.onMessages(all, 'history');
    this.earlierButton.hidden = !this.conversation.hasEarlier;
    this.scrollToEnd();
  }

  nearBottom() {
    const s = this.scroller;
    return s.scrollHeight - s.scrollTop - s.clientHeight < NEAR_BOTTOM_PX;
  }

  scrollToEnd() {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  onMessages(messages, source) {
    const stick = source === 'earlier' ? false : this.nearBottom() || source === 'mine';
    const before = this.scroller.scrollHeight;
    for (const m of messages) this.renderMessage(m);
    if (source === 'earlier') {
      this.scroller.scrollTop += this.scroller.scrollHeight - before;
    } else if (stick) {
      this.scrollToEnd();
    }
    if (source === 'live') {
      for (const m of messages) {
        if (!this.conversation.isMine(m)) announce(`${this.label(m)}: ${m.redacted ? 'a removed message' : m.text}`);
      }
    }
  }

  label(m) {
    return this.options.label ? this.options.label(m) : (m.from && m.from.pseudonym) || 'someone';
  }

  /** Inserts an item element at its place by key (seq; prompts sit just after the message before them). */
  place(el, key) {
    const entry = { el, key, order: this.counter += 1 };
    let i = this.items.length;
    while (i > 0 && (this.items[i - 1].key > key || (this.items[i - 1].key === key && this.items[i - 1].order > entry.order))) i -= 1;
    this.items.splice(i, 0, entry);
    const next = this.items[i + 1];
    this.list.insertBefore(el, next ? next.el : null);
    this.empty.hidden = true;
  }

  renderMessage(m) {
    const mine = this.conversation.isMine(m);
    const role = m.from && m.from.role;
    const classes = ['msg', mine ? 'mine' : 'theirs', role === 'therapist' ? 'from-therapist' : null,
      m.status && m.status !== 'visible' ? `status-${m.status}` : null, m.redacted ? 'redacted' : null,
      this.highlighted === m.seq ? 'highlight' : null];
    const author = h('span', { class: 'author', text: mine ? `${this.label(m)} (you)` : this.label(m) });
    const tag = this.options.describeRole ? this.options.describeRole(m) : null;
    const header = h('p', { class: 'msg-meta' }, author,
      tag ? h('span', { class: 'role-tag', text: tag }) : null,
      h('time', { dateTime: m.at, title: formatDateTime(m.at), text: formatTime(m.at) }),
      m.status && m.status !== 'visible' ? h('span', { class: 'status-tag', text: statusLabel(m.status, mine) }) : null);
    const body = m.redacted
      ? h('p', { class: 'text removed-text', text: 'This message was removed by the therapist.' })
      : m.unreadable || m.text === null || m.text === undefined
        ? h('p', { class: 'text removed-text', text: 'This message can’t be shown right now.' })
        : h('p', { class: 'text', text: m.text });
    const li = h('li', { class: classes, dataset: { seq: String(m.seq) },
      tabIndex: this.highlighted === m.seq ? -1 : undefined, attrs: { 'aria-current': this.highlighted === m.seq ? 'true' : null } },
      header, body, this.options.reactions && reactable(m) ? this.reactionBar(m) : null,
      this.options.messageActions ? this.options.messageActions(m) : null);
    const existing = this.bySeq.get(m.seq);
    if (existing) {
      const hadFocus = existing.contains(document.activeElement) ? document.activeElement : null;
      const focusKey = hadFocus && hadFocus.dataset ? hadFocus.dataset.focusKey : null;
      existing.replaceWith(li);
      const entry = this.items.find((x) => x.el === existing);
      if (entry) entry.el = li;
      this.bySeq.set(m.seq, li);
      if (focusKey) {
        const again = li.querySelector(`[data-focus-key="${focusKey}"]`);
        if (again) again.focus();
      }
      return;
    }
    this.bySeq.set(m.seq, li);
    this.place(li, m.seq);
  }

  reactionBar(m) {
    const counts = Object.entries(m.reactions || {}).filter(([, n]) => n > 0);
    const paletteId = uid('palette');
    const palette = h('div', { class: 'palette', id: paletteId, hidden: true, attrs: { role: 'group', 'aria-label': 'Choose a reaction' } },
      EMOJI.map(([emoji, name]) => h('button', {
        type: 'button', class: 'emoji', text: emoji, title: name,
        dataset: { focusKey: `pick-${emoji}`, emoji },
        attrs: { 'aria-label': `React with ${name}` },
        on: { click: () => { palette.hidden = true; toggle.setAttribute('aria-expanded', 'false'); this.react(m.seq, emoji, toggle); } },
      })));
    const toggle = h('button', {
      type: 'button', class: 'react-toggle', text: 'React',
      dataset: { focusKey: 'react' },
      attrs: { 'aria-expanded': 'false', 'aria-controls': paletteId, 'aria-label': `React to ${this.label(m)}'s message` },
      on: {
        click: () => {
          const open = palette.hidden;
          palette.hidden = !open;
          toggle.setAttribute('aria-expanded', String(open));
          if (open) palette.querySelector('button').focus();
        },
      },
    });
    palette.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        palette.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
        toggle.focus();
      }
    });
    return h('div', { class: 'reactions' },
      counts.map(([emoji, n]) => {
        const name = (EMOJI.find(([e]) => e === emoji) || [emoji, emoji])[1];
        return h('button', {
          type: 'button', class: 'reaction', dataset: { focusKey: `count-${emoji}`, emoji },
          attrs: { 'aria-label': `${name}: ${n}. Add yours` },
          on: { click: () => this.react(m.seq, emoji) },
        }, h('span', { attrs: { 'aria-hidden': 'true' }, text: emoji }), h('span', { class: 'count', attrs: { 'aria-hidden': 'true' }, text: String(n) }));
      }),
      toggle, palette);
  }

  async react(seq, emoji, focusAfter) {
    if (!this.options.onReact) return;
    await this.options.onReact(seq, emoji);
    if (focusAfter && document.body.contains(focusAfter)) focusAfter.focus();
  }

  /** A facilitator prompt, placed after the latest message. */
  addPrompt(text, at, label = 'Facilitator') {
    const li = h('li', { class: 'prompt' },
      h('p', { class: 'msg-meta' }, h('span', { class: 'author', text: label }),
        h('time', { dateTime: at, text: formatTime(at) })),
      h('p', { class: 'text', text }));
    const stick = this.nearBottom();
    this.place(li, this.conversation.lastSeq + 0.5);
    if (stick) this.scrollToEnd();
    announce(`${label}: ${text}`);
  }

  /** A quiet note ("Sam has left the group"). */
  addNote(text, { announceIt = true } = {}) {
    const li = h('li', { class: 'note' }, h('p', { text }));
    const stick = this.nearBottom();
    this.place(li, this.conversation.lastSeq + 0.5);
    if (stick) this.scrollToEnd();
    if (announceIt) announce(text);
  }

  renderOutbox(items) {
    replace(this.outboxList, items.map((item) => {
      const state = item.state === 'failed' ? "Couldn't send yet"
        : item.state === 'waiting' ? 'Waiting to reconnect — it will be sent then' : 'Sending…';
      return h('li', { class: ['msg', 'mine', 'pending', `pending-${item.state}`], dataset: { clientMsgId: item.clientMsgId } },
        h('p', { class: 'msg-meta' }, h('span', { class: 'author', text: 'You' }), h('span', { class: 'status-tag', text: state })),
        h('p', { class: 'text', text: item.text }),
        item.state === 'failed' ? h('div', { class: 'pending-actions' },
          h('button', { type: 'button', text: 'Try again', on: { click: () => this.conversation.retry(item) } }),
          h('button', { type: 'button', class: 'button-quiet', text: 'Discard', on: { click: () => this.conversation.discard(item) } })) : null);
    }));
    if (items.length) this.scrollToEnd();
  }

  /**
   * Scrolls to one message and highlights it (a link from a crisis alert), loading a few pages of
   * earlier history when it is not among the latest messages. Returns whether it was found.
   */
  async focusSeq(seq, maxPages = 5) {
    const c = this.conversation;
    for (let pages = 0; !this.bySeq.has(seq) && c.hasEarlier && pages < maxPages; pages += 1) {
      const oldest = Math.min(...c.messages.keys());
      if (!Number.isFinite(oldest) || oldest <= seq) break;
      try {
        await c.loadEarlier(100);
      } catch (e) {
        break;
      }
      this.earlierButton.hidden = !c.hasEarlier;
    }
    const li = this.bySeq.get(seq);
    if (!li) {
      announce('That message is not in this conversation any more. It may have been removed.');
      return false;
    }
    for (const old of this.list.querySelectorAll('.highlight')) {
      old.classList.remove('highlight');
      old.removeAttribute('aria-current');
    }
    this.highlighted = seq;
    li.classList.add('highlight');
    li.setAttribute('aria-current', 'true');
    li.tabIndex = -1;
    li.scrollIntoView({ block: 'center' });
    li.focus({ preventScroll: true });
    return true;
  }

  async loadEarlier() {
    this.earlierButton.disabled = true;
    try {
      const n = await this.conversation.loadEarlier();
      announce(n ? `${n} earlier message${n === 1 ? '' : 's'} shown.` : 'There are no earlier messages.');
    } catch (e) {
      announce("Earlier messages couldn't be loaded just now.");
    } finally {
      this.earlierButton.disabled = false;
      this.earlierButton.hidden = !this.conversation.hasEarlier;
    }
  }
}

/** A message flagged as a possible crisis, or not shared with the room, takes no reactions. */
function reactable(m) {
  return m.reactable !== false && m.status !== 'private' && !m.redacted;
}

function statusLabel(status, mine) {
  switch (status) {
    case 'private': return mine ? 'Only you and the therapists can see this' : 'Sent privately to the therapists';
    case 'held': return 'held for review';
    case 'rejected': return 'not shared';
    case 'redacted': return 'removed';
    default: return status;
  }
}
