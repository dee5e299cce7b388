// #/escalations: every crisis alert of the therapist's groups and channels. Open ones first,
// newest first, then the resolved ones; each can be acknowledged and resolved with a note.
import { formatDateTime, h, replace, uid } from '../dom.js';
import { contextLink, severityWords, whoAndWhere } from '../alerts.js';
import { apiProblem } from '../texts.js';
import { desktopAlertsOffer } from './alert-banner.js';

const STATUS_WORDS = {
  open: 'Not yet seen by a therapist',
  acknowledged: 'Seen — not yet resolved',
  resolved: 'Resolved',
};

const LEAD = {
  therapist: 'Possible crises in your groups and private conversations. Let the team know you have seen an alert, then resolve it with a short note once the person has been looked after.',
  admin: 'Possible crises noticed in every group and private conversation. The client’s words and name stay with their therapists. When a therapist has not said they have seen an alert in time, it comes to you too: let the team know you have it, and make sure a therapist follows it up.',
};

export function escalationsView(main, app) {
  const therapist = app.me.role === 'therapist';
  const openList = h('ol', { class: 'escalation-list', attrs: { 'aria-labelledby': 'esc-open-title' } });
  const doneList = h('ol', { class: 'escalation-list', attrs: { 'aria-labelledby': 'esc-done-title' } });
  const openEmpty = h('p', { class: 'hint', text: 'No open alerts. When a client’s words show signs of a crisis, the alert appears here.' });
  const doneEmpty = h('p', { class: 'hint', text: 'Nothing resolved yet.' });
  const status = h('p', { class: 'form-message', hidden: true, attrs: { role: 'status' } });
  const cards = new Map();
  const page = h('div', { class: 'page escalations-page' },
    h('h1', { tabIndex: -1, text: 'Crisis alerts' }),
    h('p', { class: 'lead', text: therapist ? LEAD.therapist : LEAD.admin }),
    desktopAlertsOffer(),
    status,
    h('section', { class: 'card', attrs: { 'aria-labelledby': 'esc-open-title' } },
      h('h2', { id: 'esc-open-title', text: 'Open' }), openEmpty, openList),
    h('section', { class: 'card', attrs: { 'aria-labelledby': 'esc-done-title' } },
      h('h2', { id: 'esc-done-title', text: 'Resolved' }), doneEmpty, doneList));
  main.append(page);

  let disposed = false;
  async function refresh() {
    try {
      const reply = await app.api.get('/api/escalations?all=true');
      if (disposed) return;
      status.hidden = true;
      place(reply.escalations || []);
    } catch (e) {
      if (disposed || (e && e.signedOut)) return;
      status.hidden = false;
      status.className = 'form-message problem';
      status.textContent = apiProblem(e);
    }
  }

  function place(list) {
    const sorted = [...list].sort((a, b) => String(b.openedAt).localeCompare(String(a.openedAt)));
    for (const e of sorted) {
      let card = cards.get(e.id);
      if (!card) {
        card = escalationCard(app, e, refresh, therapist);
        cards.set(e.id, card);
      }
      card.update(e);
    }
    replace(openList, sorted.filter((e) => e.status !== 'resolved').map((e) => cards.get(e.id).el));
    replace(doneList, sorted.filter((e) => e.status === 'resolved').map((e) => cards.get(e.id).el));
    openEmpty.hidden = openList.childElementCount > 0;
    doneEmpty.hidden = doneList.childElementCount > 0;
  }

  refresh();
  const off = app.alerts ? app.alerts.on('change', () => refresh()) : () => {};
  return () => {
    disposed = true;
    off();
  };
}

/** One escalation; its note field survives updates. An admin can acknowledge it, not open or resolve it. */
function escalationCard(app, e, refresh, therapist) {
  const titleId = uid('esc');
  const title = h('h3', { id: titleId });
  const meta = h('p', { class: 'escalation-meta' });
  const text = h('blockquote', { class: 'escalation-text' });
  const reach = h('p', { class: 'hint' });
  const state = h('p', { class: 'escalation-status' });
  const note = h('p', { class: 'escalation-note' });
  const msg = h('p', { class: 'console-status', attrs: { role: 'status' } });
  const ack = h('button', { type: 'button', class: 'button-primary', text: "I've seen this" });
  const resolveBox = resolveForm(app, e.id, msg, refresh);
  const link = h('a', { class: 'button-link', text: 'Go to the message' });
  const el = h('li', { class: 'escalation', attrs: { 'aria-labelledby': titleId } },
    title, meta, text, reach, state, note,
    h('div', { class: 'button-row' }, therapist ? link : null, ack), therapist ? resolveBox.el : null, msg);
  ack.addEventListener('click', async () => {
    ack.disabled = true;
    try {
      await app.alerts.acknowledge(e.id);
      msg.textContent = therapist ? 'Thank you. The other therapists can see that you have it.'
        : 'Thank you. The therapists can see that someone has it.';
      refresh();
    } catch (err) {
      msg.textContent = apiProblem(err);
    } finally {
      ack.disabled = false;
    }
  });
  function update(x) {
    el.dataset.status = x.status;
    el.dataset.severity = x.severity || 'concern';
    title.textContent = `${severityWords(x.severity)} — ${whoAndWhere(x, (id) => app.groupNames.get(id))}`;
    meta.textContent = `Written ${formatDateTime(x.openedAt)}`;
    text.textContent = x.text || '';
    text.hidden = !x.text;
    reach.textContent = x.channelId ? 'Written in a private conversation.'
      : x.shared === true ? 'This message reached the group.'
        : x.shared === false ? 'The group did not see this message; only the therapists can.' : '';
    reach.hidden = !reach.textContent;
    state.textContent = STATUS_WORDS[x.status] || '';
    note.textContent = x.note ? `Note: ${x.note}` : '';
    note.hidden = !x.note;
    link.href = contextLink(x);
    ack.hidden = x.status !== 'open';
    resolveBox.el.hidden = x.status === 'resolved';
  }
  return { el, update };
}

function resolveForm(app, id, msg, refresh) {
  const noteId = uid('resolve-note');
  const input = h('textarea', { id: noteId, name: 'note', rows: 2, maxLength: 2000, required: true });
  const button = h('button', { type: 'submit', text: 'Resolve' });
  const form = h('form', { class: 'resolve-form' },
    h('label', { htmlFor: noteId, text: 'What was done (needed to resolve)' }), input, button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const note = input.value.trim();
    if (!note) {
      msg.textContent = 'Please write a short note about what was done first.';
      input.focus();
      return;
    }
    button.disabled = true;
    try {
      await app.alerts.resolve(id, note);
      msg.textContent = 'Resolved.';
      input.value = '';
    } catch (err) {
      msg.textContent = err && err.code === 'ALREADY_RESOLVED' ? 'Another therapist has already resolved this.' : apiProblem(err);
    } finally {
      button.disabled = false;
      refresh();
    }
  });
  return { el: form };
}
