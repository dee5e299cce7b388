// One client, for their therapist: goals and private session notes (records.js), and the way
// into the private conversation. Only the therapist who keeps them can read them; the server
// enforces it and anyone else is told so in plain words.
import { formMessage, formatDate, h, replace } from '../dom.js';
import { apiProblem, recordProblem } from '../texts.js';
import { ClientRecords } from './records.js';

export function clientView(main, app, { clientId }) {
  const page = h('div', { class: 'page client-page' }, h('p', { class: 'hint', text: 'Opening…' }));
  main.append(page);
  let records = null;
  let disposed = false;
  const breadcrumb = () => h('p', { class: 'breadcrumb' },
    h('a', { href: '#/', text: app.me.role === 'therapist' ? 'Your clients' : 'Back' }));
  const problem = (title, text) => {
    replace(page, breadcrumb(), h('h1', { tabIndex: -1, text: title }),
      h('p', { class: 'form-message problem', text }));
    page.querySelector('h1').focus();
  };

  app.api.clients().then((clients) => {
    if (disposed) return;
    const client = clients.find((c) => c.id === clientId);
    if (!client) {
      problem("This client couldn't be found", recordProblem({ code: 'NOT_FOUND' }));
      return;
    }
    const name = client.displayName || 'Your client';
    document.title = `${name}: goals and notes · TalkingStick`;
    records = new ClientRecords(app, { clientId, clientName: name });
    const status = formMessage();
    const talk = h('button', { type: 'button',
      text: client.channelId ? 'Open the private conversation' : 'Start a private conversation' });
    talk.addEventListener('click', async () => {
      talk.disabled = true;
      status.clear();
      try {
        const channel = client.channelId ? { id: client.channelId } : await app.api.openChannel(client.id);
        app.navigate(`#/channels/${channel.id}`);
      } catch (e) {
        if (e && e.signedOut) return;
        status.error(apiProblem(e));
        talk.disabled = false;
      }
    });
    replace(page, breadcrumb(),
      h('h1', { tabIndex: -1, text: `${name}: goals and notes` }),
      h('p', { class: 'lead', text: `Your client since ${formatDate(client.since)}.` }),
      h('p', { class: 'hint', text: `Only you can read these goals and notes — not ${name}, not their other therapists, not administrators.` }),
      h('div', { class: 'button-row client-page-actions' }, talk), status.el,
      records.el);
    records.load();
    page.querySelector('h1').focus();
  }).catch((e) => {
    if (disposed || (e && e.signedOut)) return;
    problem('Goals and notes', e && (e.code === 'FORBIDDEN' || e.code === 'NOT_FOUND') ? recordProblem(e) : apiProblem(e));
  });

  return () => {
    disposed = true;
    if (records) records.destroy();
  };
}
