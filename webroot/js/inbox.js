// The private inbox (user.{accountId}.inbox): warnings, mutes, removals, crisis resources,
// private channel invitations and unread counts. Shown only to this person, gently.
import { announce, formatTime, h } from './dom.js';

const SAFE_LINK = /^(https?:|tel:|mailto:|sms:)/i;

export class Inbox {
  constructor({ bus, accountId, container, groupName, onRemoved, onChannelInvite, onUnread }) {
    this.bus = bus;
    this.container = container;
    this.groupName = groupName || (() => 'the group');
    this.onRemoved = onRemoved || (() => {});
    this.onChannelInvite = onChannelInvite || (() => {});
    this.onUnread = onUnread || (() => {});
    this.unsubscribe = bus.register(`user.${accountId}.inbox`, (event) => this.receive(event));
  }

  close() {
    this.unsubscribe();
  }

  receive(event) {
    if (!event || typeof event !== 'object') return;
    switch (event.type) {
      case 'warning':
        this.notice({
          kind: 'gentle',
          title: 'A private note from your therapist',
          body: [
            event.reason ? `“${event.reason}”` : null,
            `This note about ${this.groupName(event.groupId)} is only visible to you. If anything feels unclear, you're welcome to talk it over with your therapist.`,
          ],
        });
        break;
      case 'muted': {
        const until = event.until ? ` until about ${formatTime(event.until)}` : ' for a little while';
        this.notice({
          kind: 'gentle',
          title: 'Taking a short pause',
          body: [`Your posting in ${this.groupName(event.groupId)} is paused${until}. You can still read along and send reactions.`],
        });
        break;
      }
      case 'removed':
        this.notice({
          kind: 'gentle',
          title: 'You are no longer part of a group',
          body: [`Your place in ${this.groupName(event.groupId)} has ended. If you'd like to talk about it, please reach out to your therapist.`],
        });
        this.onRemoved(event.groupId);
        break;
      case 'crisis-resources':
        this.crisis(event);
        break;
      case 'channel-invite':
        this.onChannelInvite(event);
        break;
      case 'unread':
        this.onUnread(event);
        break;
      default:
        break;
    }
  }

  notice({ kind, title, body, actions = [] }) {
    const heading = h('h2', { class: 'notice-title', text: title });
    const card = h('section', { class: `notice notice-${kind}`, attrs: { 'aria-label': title } },
      heading,
      body.filter(Boolean).map((text) => h('p', { text })),
      h('div', { class: 'notice-actions' }, actions,
        h('button', { type: 'button', class: 'button-quiet', text: 'Dismiss', on: { click: () => card.remove() } })));
    this.container.prepend(card);
    announce(`${title}. ${body.filter(Boolean).join(' ')}`);
    return card;
  }

  /** Crisis resources: calm, prominent, announced assertively, and kept until dismissed. */
  crisis(event) {
    const links = Array.isArray(event.links) ? event.links : [];
    const title = 'Support is here for you';
    const card = h('section', { class: 'notice notice-care', attrs: { 'aria-label': title } },
      h('h2', { class: 'notice-title', text: title }),
      h('p', { text: event.text || 'If you are in danger or thinking about harming yourself, please reach out now. You deserve support.' }),
      links.length ? h('ul', { class: 'care-links' }, links.map((link) => {
        const href = typeof link === 'string' ? link : link && (link.url || link.href);
        const label = typeof link === 'string' ? link : link && (link.label || link.name || link.title || href);
        if (!href || !SAFE_LINK.test(href)) return label ? h('li', { text: label }) : null;
        return h('li', {}, h('a', { href, text: label, rel: 'noopener noreferrer', target: '_blank' }));
      })) : null,
      h('p', { class: 'hint', text: 'Only you can see this message.' }),
      h('div', { class: 'notice-actions' },
        h('button', { type: 'button', class: 'button-quiet', text: 'Close this message', on: { click: () => card.remove() } })));
    this.container.prepend(card);
    announce(`${title}. ${event.text || ''}`, { assertive: true });
  }
}
