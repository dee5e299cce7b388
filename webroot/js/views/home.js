// Home: my groups; for clients, joining a group with an invite code; for therapists, creating a
// group. Private channels appear here once the server serves them.
import { STANDARD_AGREEMENT, agreementBody } from '../agreement.js';
import { field, formMessage, h, replace, setFieldError } from '../dom.js';
import { careServed, channelsServed } from '../features.js';
import { MODE_LABELS, apiProblem } from '../texts.js';

export function home(main, app) {
  const role = app.me.role;
  const listBox = h('div', { class: 'group-list-box' }, h('p', { class: 'hint', text: 'Loading your groups…' }));
  const channelsBox = h('section', { class: 'card', hidden: true, attrs: { 'aria-labelledby': 'channels-title' } });
  const careBox = h('section', { class: 'card', hidden: true, attrs: { 'aria-labelledby': 'care-title' } });
  main.append(h('div', { class: 'page' },
    h('h1', { tabIndex: -1, text: role === 'therapist' ? 'Your groups' : role === 'admin' ? 'All groups' : 'My groups' }),
    h('p', { class: 'lead', text: `Signed in as ${app.me.displayName}.` }),
    h('div', { class: 'home-grid' },
      h('section', { class: 'card', attrs: { 'aria-labelledby': 'groups-title' } },
        h('h2', { id: 'groups-title', text: role === 'therapist' ? 'Groups you run' : 'Groups' }),
        listBox),
      role === 'client' ? joinForm(app) : null,
      role === 'therapist' ? createGroupForm(app) : null,
      channelsBox,
      careBox)));
  loadGroups(app, listBox);
  loadChannels(app, channelsBox);
  loadCare(app, careBox);
}

async function loadGroups(app, box) {
  try {
    const groups = await app.api.groups();
    app.rememberGroups(groups);
    if (!groups.length) {
      replace(box, h('p', { text: app.me.role === 'client'
        ? "You haven't joined a group yet. When your therapist gives you an invite code, enter it below."
        : app.me.role === 'therapist' ? 'You have no groups yet. Create one below.' : 'There are no groups yet.' }));
      return;
    }
    replace(box, h('ul', { class: 'group-list' }, groups.map((g) => h('li', {},
      h('a', { href: `#/groups/${g.id}`, class: 'group-link' },
        h('span', { class: 'group-name', text: g.name }),
        g.topic ? h('span', { class: 'group-topic', text: g.topic }) : null,
        g.pseudonym && g.role === 'client' ? h('span', { class: 'group-pseudonym', text: `You appear as ${g.pseudonym}` }) : null)))));
  } catch (e) {
    if (e && e.signedOut) return;
    replace(box, h('p', { class: 'form-message problem', text: apiProblem(e) }),
      h('button', { type: 'button', text: 'Try again', on: { click: () => loadGroups(app, box) } }));
  }
}

/** Private channels (GET /api/channels): hidden entirely while the server does not serve them. */
async function loadChannels(app, box) {
  if (app.me.role === 'admin' || !(await channelsServed(app.api))) return;
  try {
    const channels = await app.api.channels();
    replace(box, h('h2', { id: 'channels-title', text: 'Private conversations' }),
      channels.length
        ? h('ul', { class: 'group-list' }, channels.map((c) => h('li', {},
          h('a', { href: `#/channels/${c.id}`, class: 'group-link' },
            h('span', { class: 'group-name', text: app.channelTitle(c) }),
            (app.unread.get(c.id) ?? c.unread) ? h('span', { class: 'badge', text: `${app.unread.get(c.id) ?? c.unread} new` }) : null))))
        : h('p', { text: app.me.role === 'therapist'
          ? 'You can open a private conversation with a client from their group.'
          : 'When your therapist starts a private conversation with you, it appears here.' }));
    box.hidden = false;
  } catch (e) {
    box.hidden = true;
  }
}

/**
 * Care relationships (GET /api/clients): a therapist's clients, each with their goals and notes
 * (#/clients/{id}) and a private conversation, and direct invite codes; for a client, redeeming
 * their therapist's code. Hidden while not served.
 */
async function loadCare(app, box) {
  if (app.me.role === 'admin' || !(await careServed(app.api))) return;
  if (app.me.role === 'client') {
    replace(box, connectForm(app));
    box.hidden = false;
    return;
  }
  const list = h('ul', { class: 'group-list' });
  const status = formMessage();
  const render = async () => {
    try {
      const clients = await app.api.clients();
      replace(list, clients.length ? clients.map((c) => {
        const open = h('button', { type: 'button', text: c.channelId ? 'Open private conversation' : 'Start a private conversation',
          attrs: { 'aria-label': `${c.channelId ? 'Open' : 'Start'} a private conversation with ${c.displayName}` } });
        open.addEventListener('click', async () => {
          open.disabled = true;
          try {
            const channel = c.channelId ? { id: c.channelId } : await app.api.openChannel(c.id);
            app.navigate(`#/channels/${channel.id}`);
          } catch (e) {
            status.error(apiProblem(e));
            open.disabled = false;
          }
        });
        const records = h('a', { class: 'button-link', href: `#/clients/${c.id}`, text: 'Goals & notes',
          attrs: { 'aria-label': `Goals & notes for ${c.displayName}` } });
        return h('li', { class: 'client-row' }, h('span', { class: 'group-name', text: c.displayName }),
          h('div', { class: 'button-row client-actions' }, records, open));
      }) : h('li', { class: 'hint', text: 'Clients appear here when they join one of your groups or redeem a client invite code.' }));
    } catch (e) {
      status.error(apiProblem(e));
    }
  };
  const invite = h('button', { type: 'button', id: 'create-client-invite', text: 'Create a client invite code' });
  const result = h('p', { class: 'invite-result', hidden: true, attrs: { 'aria-live': 'polite' } });
  invite.addEventListener('click', async () => {
    invite.disabled = true;
    status.clear();
    try {
      const code = await app.api.createClientInvite(72);
      replace(result, 'Client invite code: ', h('output', { class: 'invite-code', text: code.code }),
        h('span', { class: 'hint', text: ' Valid for 3 days, for one person. Give it to your client privately.' }));
      result.hidden = false;
    } catch (e) {
      status.error(apiProblem(e));
    } finally {
      invite.disabled = false;
    }
  });
  replace(box, h('h2', { id: 'care-title', text: 'Your clients' }), list, invite, result, status.el);
  box.hidden = false;
  render();
}

function connectForm(app) {
  const code = field({ label: 'Code from your therapist', name: 'therapistCode', autocomplete: 'off', required: true,
    hint: 'Your therapist can give you a code so the two of you can talk privately here.' });
  const message = formMessage();
  const submit = h('button', { type: 'submit', text: 'Connect' });
  const form = h('form', { class: 'form', attrs: { novalidate: true, 'aria-labelledby': 'care-title' } },
    h('h2', { id: 'care-title', text: 'Connect with your therapist' }), code.wrap, message.el, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    const c = code.input.value.trim();
    setFieldError(code, c ? '' : 'Please enter the code from your therapist.');
    if (!c) return code.input.focus();
    submit.disabled = true;
    try {
      const joined = await app.api.joinTherapist(c);
      code.input.value = '';
      const name = joined.therapist && joined.therapist.displayName ? joined.therapist.displayName : 'your therapist';
      message.ok(`You're now connected with ${name}. When they start a private conversation, it appears on this page.`);
    } catch (e) {
      if (e && e.signedOut) return;
      message.error(apiProblem(e));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function joinForm(app) {
  const code = field({ label: 'Invite code', name: 'code', autocomplete: 'off', required: true,
    hint: 'Your therapist gives you this code.' });
  code.input.setAttribute('autocapitalize', 'characters');
  code.input.spellcheck = false;
  const pseudonym = field({ label: 'Your pseudonym in this group', name: 'pseudonym', autocomplete: 'off', required: true,
    maxLength: 24, hint: 'The name others in the group will see: 2 to 24 letters, digits or spaces. Please don’t use your real name.' });
  const acceptId = 'join-accept';
  const accept = h('input', { type: 'checkbox', id: acceptId, name: 'agreementAccepted' });
  const acceptError = h('p', { class: 'field-error', id: 'join-accept-error', hidden: true });
  accept.setAttribute('aria-describedby', 'join-accept-error');
  const message = formMessage();
  const submit = h('button', { type: 'submit', class: 'button-primary', text: 'Join the group' });
  const form = h('form', { class: 'card form', id: 'join-form', attrs: { novalidate: true, 'aria-labelledby': 'join-title' } },
    h('h2', { id: 'join-title', text: 'Join a group' }),
    code.wrap, pseudonym.wrap,
    h('section', { class: 'agreement', tabIndex: 0, attrs: { 'aria-labelledby': 'join-agreement-title' } },
      h('h3', { id: 'join-agreement-title', text: 'The group agreement' }),
      agreementBody(STANDARD_AGREEMENT.split('\n').slice(1).join('\n')),
      h('p', { class: 'hint', text: 'Every group starts from this agreement. If your group has added to it, you will see its own version as soon as you join, and you can leave the group at any time.' })),
    h('div', { class: 'check' }, accept, h('label', { htmlFor: acceptId, text: 'I have read the group agreement and I accept it' })),
    acceptError, message.el, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    const c = code.input.value.trim();
    const p = pseudonym.input.value.trim();
    setFieldError(code, c ? '' : 'Please enter the invite code from your therapist.');
    const pLength = [...p].length;
    setFieldError(pseudonym, pLength < 2 || pLength > 24 ? 'Please choose a pseudonym of 2 to 24 characters.'
      : !/^[\p{L}\p{M}\p{Nd} ._-]+$/u.test(p) ? 'Please use only letters, digits, spaces, dots, dashes or underscores.' : '');
    acceptError.hidden = accept.checked;
    acceptError.textContent = accept.checked ? '' : 'To join, please read the agreement and tick the box to accept it.';
    if (accept.checked) accept.removeAttribute('aria-invalid'); else accept.setAttribute('aria-invalid', 'true');
    if (!c) return code.input.focus();
    if (pseudonym.input.getAttribute('aria-invalid')) return pseudonym.input.focus();
    if (!accept.checked) return accept.focus();
    submit.disabled = true;
    try {
      const joined = await app.api.join(c, p, true);
      app.navigate(`#/groups/${joined.groupId}?welcome=1`);
    } catch (e) {
      if (e && e.signedOut) return;
      if (e.code === 'PSEUDONYM_TAKEN' || (e.code === 'INVALID' && /pseudonym/i.test(e.message))) {
        setFieldError(pseudonym, e.code !== 'PSEUDONYM_TAKEN' ? pseudonymProblem(e.message)
          : /looks too much like/i.test(e.message || '') ? 'That name looks too much like someone else’s here. Please choose another.'
            : apiProblem(e));
        pseudonym.input.focus();
      } else if (e.code === 'INVITE_INVALID') {
        setFieldError(code, apiProblem(e));
        code.input.focus();
      } else {
        message.error(apiProblem(e, 'join'));
      }
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function pseudonymProblem(serverMessage) {
  if (/username or display name/i.test(serverMessage)) {
    return 'Please choose a pseudonym that is different from your username and your name, so the group can’t tell who you are.';
  }
  if (/word for the staff/i.test(serverMessage)) {
    return 'Please choose a pseudonym without a word like “therapist” or “admin”, so nobody takes you for one of the staff.';
  }
  if (/hidden|invisible|direction/i.test(serverMessage)) {
    return 'Your pseudonym has a hidden character in it (perhaps from copying and pasting). Please type it again.';
  }
  if (/characters/i.test(serverMessage) && /2 to 24/.test(serverMessage)) return 'Please choose a pseudonym of 2 to 24 characters.';
  return 'Please use only letters, digits, spaces, dots, dashes or underscores in your pseudonym.';
}

function createGroupForm(app) {
  const name = field({ label: 'Group name', name: 'name', required: true, maxLength: 80 });
  const topic = field({ label: 'Topic', name: 'topic', maxLength: 200, hint: 'Optional. Shown to members and used as the default session topic.' });
  const description = field({ label: 'Description', name: 'description', multiline: true, rows: 2, maxLength: 1000, hint: 'Optional.' });
  const mode = field({ label: 'How people take turns', name: 'mode', value: 'raise-hand',
    options: Object.entries(MODE_LABELS) });
  const capacity = field({ label: 'Largest number of clients', name: 'capacity', type: 'number', value: '8', min: 2, max: 50, inputmode: 'numeric' });
  const turn = field({ label: 'Length of a turn', name: 'turnSeconds', value: '120',
    options: [['60', '1 minute'], ['120', '2 minutes'], ['180', '3 minutes'], ['300', '5 minutes'], ['600', '10 minutes'], ['0', 'No limit']] });
  const minutes = field({ label: 'Session length in minutes', name: 'sessionMinutes', type: 'number', value: '60', min: 5, max: 480, inputmode: 'numeric' });
  const agreement = field({ label: 'Group agreement', name: 'agreement', multiline: true, rows: 6, value: STANDARD_AGREEMENT, maxLength: 10000,
    hint: 'Members accept this when they join. You can keep the standard agreement or adapt it.' });
  const message = formMessage();
  const submit = h('button', { type: 'submit', class: 'button-primary', text: 'Create group' });
  const form = h('form', { class: 'card form', id: 'create-group-form', attrs: { novalidate: true, 'aria-labelledby': 'create-title' } },
    h('h2', { id: 'create-title', text: 'Create a group' }),
    name.wrap, topic.wrap, description.wrap, mode.wrap,
    h('div', { class: 'field-row' }, capacity.wrap, turn.wrap, minutes.wrap),
    agreement.wrap, message.el, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    const cap = Number(capacity.input.value);
    const mins = Number(minutes.input.value);
    setFieldError(name, name.input.value.trim() ? '' : 'Please give the group a name.');
    setFieldError(capacity, Number.isInteger(cap) && cap >= 2 && cap <= 50 ? '' : 'Please enter a number from 2 to 50.');
    setFieldError(minutes, Number.isInteger(mins) && mins >= 5 && mins <= 480 ? '' : 'Please enter a number of minutes from 5 to 480.');
    setFieldError(agreement, agreement.input.value.trim() ? '' : 'Please write an agreement, or keep the standard one.');
    const invalid = form.querySelector('[aria-invalid="true"]');
    if (invalid) return invalid.focus();
    submit.disabled = true;
    try {
      const group = await app.api.createGroup({
        name: name.input.value.trim(),
        topic: topic.input.value.trim(),
        description: description.input.value.trim(),
        mode: mode.input.value,
        capacity: cap,
        turnSeconds: Number(turn.input.value),
        sessionMinutes: mins,
        agreement: agreement.input.value.trim(),
      });
      app.navigate(`#/groups/${group.id}`);
    } catch (e) {
      if (e && e.signedOut) return;
      message.error(apiProblem(e));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
