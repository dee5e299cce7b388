// Support for someone whose words show signs of a crisis: a calm card right beside the composer
// where they wrote, announced at once and focused, without touching what they are typing.
import { announce, h, replace, uid } from '../dom.js';

const SAFE_LINK = /^(https?:|tel:|mailto:|sms:)/i;
export const SUPPORT_TITLE = 'Support is here for you';
export const DEFAULT_SUPPORT_TEXT = 'If you are in danger or thinking about harming yourself, please reach out now. You deserve support.';

/** The helplines as a list of safe links (anything else is shown as plain text). */
export function careLinks(links) {
  const list = Array.isArray(links) ? links : [];
  if (!list.length) return null;
  return h('ul', { class: 'care-links' }, list.map((link) => {
    const href = typeof link === 'string' ? link : link && (link.url || link.href);
    const label = typeof link === 'string' ? link : link && (link.label || link.name || link.title || href);
    if (!href || !SAFE_LINK.test(href)) return label ? h('li', { text: label }) : null;
    return h('li', {}, h('a', { href, text: label, rel: 'noopener noreferrer', target: '_blank' }));
  }));
}

/**
 * The place for the card, put just above a composer. seen: a Set shared by the whole app, so one
 * crisis shows one card whether the reply or the inbox brings it first.
 */
export class SupportSlot {
  constructor({ conversationKey, composerInput, seen }) {
    this.conversationKey = conversationKey;
    this.composerInput = composerInput;
    this.seen = seen;
    this.el = h('div', { class: 'support-slot' });
  }

  /** support: {text, links, seq, message (their words reached their therapist), shared}. */
  show(support) {
    // one card per crisis message: the reply to the sender and the inbox may both bring it
    const key = Number.isFinite(support.seq) ? `${this.conversationKey}:${support.seq}` : null;
    if (key && this.seen.has(key)) return this.addReached(key, support.message);
    if (key) this.seen.add(key);
    this.key = key;
    const titleId = uid('support');
    const heading = h('h2', { id: titleId, class: 'notice-title', tabIndex: -1, text: SUPPORT_TITLE });
    const close = h('button', { type: 'button', class: 'button-quiet', text: 'Close this message' });
    this.reached = support.message ? h('p', { class: 'support-reached', text: support.message }) : null;
    const card = h('section', { class: 'notice notice-care support-card', attrs: { 'aria-labelledby': titleId } },
      heading,
      this.reached,
      h('p', { text: support.text || DEFAULT_SUPPORT_TEXT }),
      careLinks(support.links),
      h('p', { class: 'hint', text: this.composerInput.value.trim()
        ? 'Only you can see this message. What you were writing is still in the box below.'
        : 'Only you can see this message.' }),
      h('div', { class: 'notice-actions' }, close));
    close.addEventListener('click', () => {
      this.key = null;
      replace(this.el);
      this.composerInput.focus();
    });
    replace(this.el, card);
    announce(`${SUPPORT_TITLE}. ${support.message || ''} ${support.text || DEFAULT_SUPPORT_TEXT}`, { assertive: true });
    heading.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'nearest' });
    return true;
  }

  /**
   * The inbox often brings the card before the reply does; the reply alone says where the words went
   * ("… it has gone to your therapist"). Added to the card already shown, without moving the focus.
   */
  addReached(key, message) {
    if (!message || this.key !== key || this.reached) return false;
    this.reached = h('p', { class: 'support-reached', text: message });
    const heading = this.el.querySelector('.support-card h2');
    if (!heading) return false;
    heading.after(this.reached);
    announce(message);
    return true;
  }
}
