// A private conversation with one's therapist (or, for a therapist, with one client).
import { h, replace, uid } from '../dom.js';
import { Channel } from '../channel.js';
import { apiProblem, roomRefusal } from '../texts.js';
import { ClientRecords } from './records.js';
import { SupportSlot } from './support-card.js';
import { Timeline } from './timeline.js';

export function channelView(main, app, { channelId, seq }) {
  const channel = new Channel({ channelId, api: app.api, bus: app.bus, me: app.me });
  const page = h('div', { class: 'page channel-page' }, h('p', { class: 'hint', text: 'Opening the conversation…' }));
  main.append(page);
  let timeline = null;
  const subs = [];
  channel.open().then(() => {
    if (channel.closed) return; // the page was left while the conversation was opening
    const other = channel.other;
    const otherName = other && other.displayName ? other.displayName : (app.me.role === 'client' ? 'your therapist' : 'your client');
    const title = `Private conversation with ${otherName}`;
    timeline = new Timeline(channel, {
      title,
      label: (m) => (channel.isMine(m) ? app.me.displayName : (m.from && m.from.displayName) || otherName),
      emptyText: 'No messages yet. Only the two of you can read this conversation.',
    });
    timeline.init();
    const id = uid('private');
    const input = h('textarea', { id, rows: 2, maxLength: 2000 });
    const status = h('p', { class: 'composer-status', attrs: { role: 'status' } });
    const form = h('form', { class: 'card composer', attrs: { 'aria-label': 'Write a private message' } },
      h('label', { htmlFor: id, text: 'Private message' }), input,
      h('div', { class: 'composer-row' }, h('p', { class: 'hint', text: 'Press Enter to send, Shift+Enter for a new line.' }),
        h('button', { type: 'submit', class: 'button-primary', text: 'Send' })), status);
    const send = () => {
      const text = input.value.trim();
      if (!text) return;
      channel.say(text);
      input.value = '';
    };
    form.addEventListener('submit', (e) => { e.preventDefault(); send(); });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(); }
    });
    const support = new SupportSlot({ conversationKey: `channel:${channelId}`, composerInput: input, seen: app.supportSeen });
    subs.push(channel.on('support', (s) => support.show(s)));
    subs.push(app.showSupportHere((event) => (event.channelId === channelId || (!event.groupId && !event.channelId)
      ? (support.show(event), true) : false)));
    subs.push(channel.on('refused', ({ item, error }) => {
      status.textContent = roomRefusal(error, { action: 'say' });
      if (!input.value.trim()) input.value = item.text;
    }));
    // the therapist keeps goals and private notes beside the conversation (the client never sees them)
    const clientId = app.me.role === 'therapist' && (channel.view.clientId || (channel.view.client && channel.view.client.id));
    const side = clientId ? recordsPanel(app, clientId, otherName) : null;
    if (side) subs.push(() => side.records.destroy());
    replace(page,
      h('p', { class: 'breadcrumb' }, h('a', { href: '#/', text: 'Back' })),
      h('h1', { tabIndex: -1, text: title }),
      h('p', { class: 'hint', text: 'Only the two of you can read this conversation.' }),
      side
        ? h('div', { class: 'room-layout' }, h('div', { class: 'room-main' }, timeline.el, support.el, form), side.el)
        : [timeline.el, support.el, form]);
    page.querySelector('h1').focus();
    if (Number.isInteger(seq)) timeline.focusSeq(seq);
    const onVisible = () => channel.markRead();
    document.addEventListener('visibilitychange', onVisible);
    subs.push(() => document.removeEventListener('visibilitychange', onVisible));
  }).catch((e) => {
    if (e && e.signedOut) return;
    replace(page, h('h1', { tabIndex: -1, text: 'This conversation could not be opened' }),
      h('p', { class: 'form-message problem', text: apiProblem(e) }),
      h('p', {}, h('a', { href: '#/', text: 'Back' })));
  });
  return () => {
    subs.forEach((fn) => fn());
    if (timeline) timeline.destroy();
    channel.close();
  };
}

/**
 * Goals & notes for the channel's client, beside the conversation: open from the start on a wide
 * screen, folded away on a phone (so the conversation comes first), loaded when first opened.
 */
function recordsPanel(app, clientId, clientName) {
  const records = new ClientRecords(app, { clientId, clientName, level: 3 });
  const titleId = uid('records');
  const details = h('details', { class: 'card records-panel', id: 'records-panel' },
    h('summary', {}, h('h2', { id: titleId, class: 'summary-heading', text: 'Goals & notes' })),
    h('p', { class: 'hint' }, 'Only you can read these. ',
      h('a', { href: `#/clients/${clientId}`, text: 'Open them on a page of their own' })),
    records.el);
  details.open = window.matchMedia('(min-width: 900px)').matches;
  if (details.open) records.load();
  details.addEventListener('toggle', () => { if (details.open) records.load(); });
  const el = h('aside', { class: 'room-side', attrs: { 'aria-labelledby': titleId } }, details);
  return { el, records };
}
