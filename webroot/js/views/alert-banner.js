// The crisis banner at the top of every page of the console, while any alert is unacknowledged.
import { h, replace } from '../dom.js';
import { contextLink, severityWords, whoAndWhere } from '../alerts.js';
import { askNotificationPermission, markTitle, notificationPermission, notify, tone } from '../alert-signals.js';

/**
 * "Turn on desktop alerts", with why; only while the browser has not been asked yet.
 * onDone() runs after the therapist answered.
 */
export function desktopAlertsOffer(onDone = () => {}) {
  if (notificationPermission() !== 'default') return null;
  const button = h('button', { type: 'button', class: 'desktop-alerts-button', text: 'Turn on desktop alerts' });
  const box = h('div', { class: 'desktop-alerts' },
    h('p', { class: 'hint', text: 'Desktop alerts tell you about a possible crisis even while this tab is hidden or you are in another window. Your browser will ask you to allow them.' }),
    button);
  button.addEventListener('click', async () => {
    const answer = await askNotificationPermission();
    replace(box, h('p', { class: 'hint', attrs: { role: 'status' },
      text: answer === 'granted' ? 'Desktop alerts are on.' : 'Desktop alerts stay off. You can allow them later in your browser’s site settings.' }));
    onDone(answer);
  });
  return box;
}

export class AlertBanner {
  /** therapist: false for an admin, who sees neither the words nor the conversation and only hears of late ones. */
  constructor({ container, alerts, groupName, therapist = true }) {
    this.container = container;
    this.therapist = therapist;
    this.alerts = alerts;
    this.groupName = groupName;
    this.off = alerts.on('change', (change) => this.update(change));
    this.update({ added: null });
  }

  close() {
    this.off();
    replace(this.container);
    this.container.hidden = true;
    markTitle(false);
  }

  /** After a page change, which sets the title afresh (and may be the escalations page itself). */
  refresh() {
    this.update({ added: null });
  }

  update({ added, reminder } = {}) {
    const open = this.alerts.open();
    markTitle(open.length > 0);
    if (!open.length) {
      replace(this.container);
      this.container.hidden = true;
      return;
    }
    this.render(open, !!added || !!reminder);
    if (added || reminder) this.signal(added || open[0]);
  }

  render(open, fresh) {
    const newest = open[0];
    const onPage = location.hash.startsWith('#/escalations');
    const count = open.length === 1 ? 'One alert is waiting for you.' : `${open.length} alerts are waiting for you.`;
    const section = h('section', {
      class: 'alert-banner',
      attrs: { role: fresh ? 'alert' : 'region', 'aria-label': 'Crisis alerts' },
    },
    h('div', { class: 'alert-banner-inner' },
      h('p', { class: 'alert-headline' }, h('strong', { text: `Possible crisis — ${whoAndWhere(newest, this.groupName)}` })),
      h('p', { class: 'alert-detail', text: this.therapist ? `${severityWords(newest.severity)}. ${count}`
        : `No therapist has said they have seen it yet. ${count}` }),
      h('div', { class: 'alert-actions' },
        this.therapist ? h('a', { class: 'button-link alert-open', href: contextLink(newest), text: 'Go to the message' }) : null,
        // the escalations page lists them all and offers desktop alerts itself
        onPage ? null : h('a', { class: 'button-link alert-all', href: '#/escalations', text: open.length === 1 ? 'Open the alert' : 'See all alerts' })),
      onPage ? null : desktopAlertsOffer(() => setTimeout(() => this.refresh(), 4000))));
    replace(this.container, section);
    this.container.hidden = false;
  }

  signal(e) {
    const where = whoAndWhere(e, this.groupName);
    tone();
    notify({ title: 'Possible crisis', body: `${where}. ${severityWords(e.severity)}.`, tag: e.id,
      href: this.therapist ? contextLink(e) : '#/escalations' });
  }
}
