// The private inbox (user.{accountId}.inbox): warnings, mutes, removals, crisis resources,
// private channel invitations and unread counts. Shown only to this person, gently.
import { announce, formatTime, h } from './dom.js';
import { DEFAULT_SUPPORT_TEXT, SUPPORT_TITLE, careLinks } from './views/support-card.js';

export class Inbox {
  constructor({ bus, accountId, container, groupName, onRemoved, onChannelInvite, onUnread, onAlert, onCrisisResources }) {
    this.bus = bus;
    this.container = container;
    this.groupName = groupName || (() => 'the group');
    this.onRemoved = onRemoved || (() => {});
    this.onChannelInvite = onChannelInvite || (() => {});
    this.onUnread = onUnread || (() => {});
    this.onAlert = onAlert || (() => {});
    /** Returns true when an open room or channel page shows the support itself. */
    this.onCrisisResources = onCrisisResources || (() => false);
    this.unsubscribe = bus.register(`user.${accountId}.inbox`, (event) => this.receive(event));
  }

  close() {
    this.unsubscribe();
  }

  receive(event) {
    if (!event || typeof event !== 'object') return;
    switch (event.type) {
      case 'warning':
        this.warning(event);
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
        if (!this.onCrisisResources(event)) this.crisis(event);
        break;
      case 'crisis':
      case 'escalation-updated':
        this.onAlert(event);
        break;
      case 'check-in':
        // a room's check-ins appear in its console; a private conversation's here
        if (event.channelId) this.checkIn(event);
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

  /** A quiet flag from a private conversation: not an alert, nothing was shown to the client. */
  checkIn(event) {
    const who = event.from && event.from.displayName ? event.from.displayName : 'A client';
    this.notice({
      kind: 'gentle',
      title: 'Maybe worth a quiet check-in',
      body: [`${who} wrote: “${event.text || ''}”`, 'Nothing was shown to them. This is not an alert, just something you may want to follow up.'],
      actions: [h('a', { class: 'button-link', href: `#/channels/${event.channelId}${event.seq != null ? `?seq=${event.seq}` : ''}`, text: 'Open the conversation' })],
    });
  }

  /** A therapist's own note, or the facilitator's automatic reminder about the group agreement. */
  warning(event) {
    const group = this.groupName(event.groupId);
    if (event.automatic) {
      this.notice({
        kind: 'gentle',
        title: 'An automatic reminder',
        body: [
          event.text || event.reason || 'Please keep to the group agreement.',
          `This reminder comes from the facilitator of ${group}, the program that looks after the turn-taking and the agreement. Only you can see it. If anything feels unclear, you're welcome to talk it over with your therapist.`,
        ],
      });
      return;
    }
    this.notice({
      kind: 'gentle',
      title: 'A private note from your therapist',
      body: [
        event.reason ? `“${event.reason}”` : null,
        `This note about ${group} is only visible to you. If anything feels unclear, you're welcome to talk it over with your therapist.`,
      ],
    });
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

  /** Crisis resources where no conversation page is open: calm, announced assertively, kept until dismissed. */
  crisis(event) {
    const title = SUPPORT_TITLE;
    const card = h('section', { class: 'notice notice-care', attrs: { 'aria-label': title } },
      h('h2', { class: 'notice-title', text: title }),
      h('p', { text: event.text || DEFAULT_SUPPORT_TEXT }),
      careLinks(event.links),
      h('p', { class: 'hint', text: 'Only you can see this message.' }),
      h('div', { class: 'notice-actions' },
        h('button', { type: 'button', class: 'button-quiet', text: 'Close this message', on: { click: () => card.remove() } })));
    this.container.prepend(card);
    announce(`${title}. ${event.text || ''}`, { assertive: true });
  }
}
