// A group room, for clients and therapists alike: the floor and the queue, the conversation, the
// composer and who is here. Therapists also get the console (console.js).
import { agreementBody } from '../agreement.js';
import { announce, formatClock, formatDurationWords, formatTime, h, replace, uid } from '../dom.js';
import { Room } from '../room.js';
import { MODE_LABELS, apiProblem, roomRefusal } from '../texts.js';
import { Console } from './console.js';
import { SupportSlot } from './support-card.js';
import { Timeline } from './timeline.js';

export function roomView(main, app, { groupId, welcome, seq }) {
  const room = new Room({ groupId, api: app.api, bus: app.bus });
  const page = h('div', { class: 'page room-page' }, h('p', { class: 'hint', text: 'Opening the room…' }));
  main.append(page);
  const cleanup = [];
  let disposed = false;

  room.open().then(() => {
    if (disposed) return;
    cleanup.push(build(page, app, room, { welcome, seq }));
  }).catch((e) => {
    if (disposed || (e && e.signedOut)) return;
    replace(page, h('h1', { tabIndex: -1, text: 'This room could not be opened' }),
      h('p', { class: 'form-message problem', text: apiProblem(e, 'group') }),
      h('p', {}, h('a', { href: '#/', text: 'Back to my groups' })));
    page.querySelector('h1').focus();
  });

  return () => {
    disposed = true;
    cleanup.forEach((fn) => fn());
    room.close();
  };
}

function build(page, app, room, { welcome, seq }) {
  const view = room.view;
  const subs = [];
  const isStaff = room.isStaff;
  /** The therapist console; created once the timeline exists (it adds actions to messages). */
  let console_ = null;
  app.rememberGroups([{ id: view.id, name: view.name }]);

  // ---------------------------------------------------------------- header
  const sessionLine = h('p', { class: 'session-line', attrs: { role: 'status' } });
  const sessionHint = h('p', { class: 'hint session-hint' });
  const header = h('header', { class: 'room-header' },
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/', text: isStaff ? 'Your groups' : 'My groups' }),
      isStaff ? h('a', { href: '#console', class: 'jump', text: 'Jump to the facilitation controls',
        on: { click: (event) => { event.preventDefault(); const heading = page.querySelector('#console h2'); heading.setAttribute('tabindex', '-1'); heading.scrollIntoView(); heading.focus(); } } }) : null),
    h('h1', { tabIndex: -1, text: view.name }),
    view.description ? h('p', { class: 'room-description', text: view.description }) : null,
    sessionLine, sessionHint,
    room.you && room.you.role === 'client' ? h('p', { class: 'hint', text: `You appear here as ${room.you.pseudonym}.` }) : null);

  // ---------------------------------------------------------------- agreement
  const agreementBox = h('div', { class: 'agreement-box' });
  let welcomeDone = false;
  const agreementDetails = h('details', { class: 'card agreement-details' },
    h('summary', { text: 'Group agreement' }), agreementBody(view.agreement ? view.agreement.text : ''));
  function renderAgreement() {
    const a = view.agreement || {};
    const accepted = room.you ? room.you.acceptedAgreementVersion : a.version;
    if (room.you && room.you.role === 'client' && a.version && accepted < a.version) {
      const accept = h('button', { type: 'button', class: 'button-primary', text: 'I accept the agreement' });
      const msg = h('p', { class: 'form-message', hidden: true, attrs: { role: 'status' } });
      accept.addEventListener('click', async () => {
        accept.disabled = true;
        try {
          await app.api.acceptAgreement(room.groupId, a.version);
          room.you.acceptedAgreementVersion = a.version;
          replace(agreementBox);
          announce('Thank you. You can take part again.');
        } catch (e) {
          msg.hidden = false;
          msg.className = 'form-message problem';
          msg.textContent = apiProblem(e);
          accept.disabled = false;
        }
      });
      replace(agreementBox, h('section', { class: 'card agreement-update', attrs: { 'aria-labelledby': 'agreement-update-title' } },
        h('h2', { id: 'agreement-update-title', text: 'The group agreement has been updated' }),
        h('p', { text: 'Please read it. Once you accept it you can share, raise your hand and react again.' }),
        agreementBody(a.text), accept, msg));
    } else if (welcome && !welcomeDone && room.you && room.you.role === 'client') {
      if (agreementBox.querySelector('.welcome')) return;
      const welcomeTitle = uid('welcome');
      const card = h('section', { class: 'card welcome', attrs: { 'aria-labelledby': welcomeTitle } },
        h('h2', { id: welcomeTitle, text: `Welcome to ${view.name}` }),
        h('p', { text: 'This is the agreement of this group, which you accepted when you joined. You can read it again any time under “Group agreement”.' }),
        agreementBody(a.text),
        h('button', { type: 'button', text: 'Continue to the room', on: { click: () => { welcomeDone = true; replace(agreementBox); composer.input.focus(); } } }));
      replace(agreementBox, card);
    } else {
      replace(agreementBox);
    }
  }

  // ---------------------------------------------------------------- floor
  const floorTitle = uid('floor');
  const modeLine = h('p', { class: 'mode-line' });
  const speakerLine = h('p', { class: 'speaker-line' });
  const countdown = h('span', { class: 'countdown', attrs: { role: 'timer', 'aria-live': 'off' } });
  const queueTitle = uid('queue');
  const queueList = h('ol', { class: 'queue', attrs: { 'aria-labelledby': queueTitle } });
  const queueEmpty = h('p', { class: 'hint queue-empty', text: 'Nobody is waiting to speak.' });
  const queueBox = h('div', { class: 'queue-box' }, h('h3', { id: queueTitle, text: 'Waiting to speak' }), queueEmpty, queueList);
  const handButton = h('button', { type: 'button', class: 'button-primary hand', id: 'hand-button', text: 'Raise hand' });
  const passButton = h('button', { type: 'button', class: 'pass', id: 'pass-button', text: "I'm done — pass the floor" });
  const floorMessage = h('p', { class: 'floor-message', attrs: { role: 'status' } });
  const controls = h('div', { class: 'floor-controls' }, handButton, passButton);
  const floorCard = h('section', { class: 'card floor', attrs: { 'aria-labelledby': floorTitle } },
    h('h2', { id: floorTitle, text: 'The floor' }), modeLine, h('div', { class: 'speaker' }, speakerLine, countdown),
    queueBox, isStaff ? null : controls, floorMessage);

  async function floorAction(fn, action) {
    floorMessage.textContent = '';
    try {
      await fn();
    } catch (e) {
      floorMessage.textContent = roomRefusal(e, { ...room.turn, action, staff: isStaff });
    }
  }
  handButton.addEventListener('click', () => {
    const inQueue = room.turn.queue.some((p) => p.memberId === room.myMemberId);
    floorAction(() => (inQueue ? room.lowerHand() : room.raiseHand()), inQueue ? 'lower-hand' : 'raise-hand');
  });
  passButton.addEventListener('click', () => floorAction(() => room.pass(), 'pass'));

  function renderFloor() {
    const t = room.turn;
    const open = room.session && room.session.state === 'open';
    const me = room.myMemberId;
    const mySpeak = t.speaker && t.speaker.memberId === me;
    const myPlace = t.queue.findIndex((p) => p.memberId === me);
    let mode = MODE_LABELS[t.mode] || t.mode;
    if (t.mode === 'paused' && t.chosenMode && t.chosenMode !== 'paused') mode = 'Paused until the therapist is back';
    modeLine.textContent = mode;
    modeLine.dataset.mode = t.mode;
    if (t.speaker) {
      speakerLine.textContent = mySpeak ? 'You have the floor.' : `${t.speaker.pseudonym} has the floor.`;
    } else if (t.mode === 'open') {
      speakerLine.textContent = open || isStaff ? 'Anyone may share.' : 'Sharing opens when the session starts.';
    } else if (t.mode === 'paused') {
      speakerLine.textContent = 'Only the therapist speaks while the room is paused.';
    } else {
      speakerLine.textContent = 'Nobody has the floor right now.';
    }
    renderCountdown();
    const list = t.mode === 'round-robin' ? t.round : t.queue;
    queueBox.querySelector('h3').textContent = t.mode === 'round-robin' ? 'Order around the circle' : 'Waiting to speak';
    replace(queueList, list.map((p) => h('li', { text: p.memberId === me ? `${p.pseudonym} (you)` : p.pseudonym })));
    queueEmpty.hidden = list.length > 0;
    queueEmpty.textContent = t.mode === 'round-robin' ? 'The circle is empty.' : 'Nobody is waiting to speak.';
    queueBox.hidden = t.mode === 'open' && list.length === 0;
    // the client's own controls
    const handVisible = !isStaff && t.mode === 'raise-hand' && !mySpeak;
    const passVisible = !isStaff && !!mySpeak && (t.mode === 'raise-hand' || t.mode === 'round-robin');
    const focusLost = (!handVisible && document.activeElement === handButton) || (!passVisible && document.activeElement === passButton);
    handButton.hidden = !handVisible;
    passButton.hidden = !passVisible;
    handButton.textContent = myPlace >= 0 ? 'Lower hand' : 'Raise hand';
    handButton.setAttribute('aria-pressed', String(myPlace >= 0));
    if (focusLost) composer.input.focus();
    if (!isStaff) {
      setText(floorMessage, mySpeak ? 'It’s your turn — share when you are ready.'
        : myPlace >= 0 ? `Your hand is raised. You are number ${myPlace + 1} in line.`
          : t.mode === 'raise-hand' && open ? 'Raise your hand when you’d like to share.' : '');
    }
    console_ && console_.renderFloor();
  }

  function renderCountdown() {
    const ends = room.turn.endsAt ? Date.parse(room.turn.endsAt) : NaN;
    if (!room.turn.speaker || Number.isNaN(ends)) {
      countdown.hidden = true;
      countdown.textContent = '';
      return;
    }
    const left = Math.max(0, Math.round((ends - Date.now()) / 1000));
    countdown.hidden = false;
    countdown.textContent = `${formatClock(left)} left`;
    countdown.setAttribute('aria-label', `${formatDurationWords(left)} left in this turn`);
  }
  const ticker = setInterval(renderCountdown, 1000);

  let lastSpeakerId = null;
  subs.push(room.on('turn', (t) => {
    renderFloor();
    const speakerId = t.speaker ? t.speaker.memberId : null;
    if (speakerId !== lastSpeakerId) {
      lastSpeakerId = speakerId;
      // a client's own turn is announced by the floor's status line
      if (t.speaker && !(speakerId === room.myMemberId && !isStaff)) announce(`${t.speaker.pseudonym} has the floor.`);
    }
  }));

  function renderSession() {
    const s = room.session || {};
    if (s.state === 'open') {
      const until = s.endsAt ? ` · until ${formatTime(s.endsAt)}` : '';
      setText(sessionLine, `In session${s.topic ? ` · ${s.topic}` : ''}${until}`);
      sessionLine.dataset.state = 'open';
      setText(sessionHint, '');
    } else {
      setText(sessionLine, 'Not in session');
      sessionLine.dataset.state = 'closed';
      setText(sessionHint, isStaff ? 'Start a session from the facilitation controls when the group is ready.'
        : 'You can read earlier messages here; sharing opens when the next session starts.');
    }
    sessionHint.hidden = !sessionHint.textContent;
    renderFloor();
  }
  subs.push(room.on('session', renderSession));

  // ---------------------------------------------------------------- conversation
  const timeline = new Timeline(room, {
    title: 'Conversation',
    reactions: true,
    emptyText: 'No messages yet. When people share, their messages appear here.',
    describeRole: (m) => (m.from && m.from.role === 'therapist' ? 'therapist' : null),
    onReact: async (seq, emoji) => {
      try {
        await room.react(seq, emoji);
      } catch (e) {
        composer.status(roomRefusal(e, { ...room.turn, action: 'react' }));
      }
    },
    messageActions: isStaff ? (m) => console_ && console_.messageActions(m) : null,
  });
  if (isStaff) console_ = new Console(app, room, { timeline });
  timeline.init();
  subs.push(room.on('facilitator', (p) => timeline.addPrompt(p.text, p.at)));
  subs.push(room.on('moderation', (ev) => {
    if (ev.action === 'removed' && ev.memberId !== room.myMemberId) {
      timeline.addNote(`${ev.who ? ev.who.pseudonym : 'A member'} is no longer part of the group.`, { announceIt: false });
    }
  }));

  // ---------------------------------------------------------------- composer
  const composer = makeComposer(room, isStaff);
  const support = new SupportSlot({ conversationKey: `group:${room.groupId}`, composerInput: composer.input, seen: app.supportSeen });
  subs.push(room.on('support', (s) => support.show(s)));
  subs.push(app.showSupportHere((event) => (event.groupId === room.groupId || (!event.groupId && !event.channelId)
    ? (support.show(event), true) : false)));
  subs.push(room.on('refused', ({ item, error }) => {
    composer.status(roomRefusal(error, { ...room.turn, action: 'say', staff: isStaff }));
    if (!composer.input.value.trim()) composer.input.value = item.text;
    if (error.code === 'AGREEMENT_REQUIRED') room.refreshLiveState();
  }));

  // ---------------------------------------------------------------- people
  const peopleTitle = uid('people');
  const peopleList = h('ul', { class: 'people', attrs: { 'aria-labelledby': peopleTitle } });
  const people = h('section', { class: 'card people-card', attrs: { 'aria-labelledby': peopleTitle } },
    h('h2', { id: peopleTitle, text: 'Here now' }), peopleList);
  // One element per person, kept across updates, so a therapist typing in a person's actions
  // (a removal reason, say) loses neither the text nor the focus when the floor changes.
  const personEls = new Map();
  function personEl(p) {
    let entry = personEls.get(p.memberId);
    if (!entry) {
      const name = h('span', { class: 'person-name' });
      const tags = h('span', { class: 'person-tags' });
      const li = h('li', { class: p.role === 'therapist' ? 'person therapist' : 'person', dataset: { memberId: p.memberId } },
        h('span', { class: 'presence-dot', attrs: { 'aria-hidden': 'true' } }), name, tags);
      entry = { li, name, tags, actions: null, version: -1 };
      personEls.set(p.memberId, entry);
    }
    entry.name.textContent = p.memberId === room.myMemberId ? `${p.pseudonym} (you)` : p.pseudonym;
    replace(entry.tags,
      p.role === 'therapist' ? h('span', { class: 'role-tag', text: 'therapist' }) : null,
      room.turn.speaker && room.turn.speaker.memberId === p.memberId ? h('span', { class: 'role-tag speaking', text: 'has the floor' }) : null);
    if (isStaff && console_ && entry.version !== console_.version) {
      const actions = console_.personActions(p);
      if (entry.actions) entry.actions.remove();
      entry.actions = actions;
      entry.version = console_.version;
      if (actions) entry.li.append(actions);
    }
    return entry.li;
  }
  const nobody = h('li', { class: 'hint', text: 'Nobody else is here yet.' });
  function renderPeople() {
    const online = [...room.online].sort((a, b) => (a.role === b.role ? a.pseudonym.localeCompare(b.pseudonym) : a.role === 'therapist' ? -1 : 1));
    const wanted = online.length ? online.map(personEl) : [nobody];
    const current = [...peopleList.children];
    const same = current.length === wanted.length && current.every((el, i) => el === wanted[i]);
    if (!same) replace(peopleList, wanted);
    for (const [memberId, entry] of personEls) {
      if (!online.some((p) => p.memberId === memberId)) personEls.delete(memberId) && entry.li.remove();
    }
  }
  subs.push(room.on('presence', renderPeople));
  subs.push(room.on('turn', renderPeople));

  // ---------------------------------------------------------------- leave, removal
  const leaveBox = room.you && room.you.role === 'client' ? leaveSection(app, room) : null;
  subs.push(room.on('removed', () => {
    replace(page, h('h1', { tabIndex: -1, text: view.name }),
      h('section', { class: 'card notice notice-gentle' },
        h('h2', { text: 'You are no longer part of this group' }),
        h('p', { text: "If you'd like to talk about it, please reach out to your therapist." }),
        h('p', {}, h('a', { href: '#/', text: 'Back to my groups' }))));
    page.querySelector('h1').focus();
  }));
  subs.push(room.on('view', (v) => {
    Object.assign(view, v);
    renderAgreement();
    replace(agreementDetails, h('summary', { text: 'Group agreement' }), agreementBody(view.agreement ? view.agreement.text : ''));
  }));

  // ---------------------------------------------------------------- layout
  replace(page,
    header,
    h('div', { class: 'room-layout' },
      h('div', { class: 'room-main' }, agreementBox, floorCard, timeline.el, support.el, composer.el),
      h('aside', { class: 'room-side', attrs: { 'aria-label': isStaff ? 'People and facilitation' : 'People and group' } },
        people, console_ ? console_.el : null, isStaff ? null : agreementDetails, leaveBox)));
  renderAgreement();
  renderSession();
  renderPeople();
  timeline.scrollToEnd();
  if (welcome && agreementBox.firstChild) agreementBox.querySelector('h2').setAttribute('tabindex', '-1');
  (welcome && agreementBox.querySelector('h2') ? agreementBox.querySelector('h2') : header.querySelector('h1')).focus();
  if (Number.isInteger(seq)) timeline.focusSeq(seq);

  return () => {
    clearInterval(ticker);
    subs.forEach((fn) => fn());
    timeline.destroy();
    if (console_) console_.destroy();
  };
}

/** Changes text only when it differs, so live regions do not repeat themselves. */
function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

function makeComposer(room, isStaff) {
  const id = uid('message');
  const statusEl = h('p', { class: 'composer-status', id: `${id}-status`, attrs: { role: 'status' } });
  const hint = h('p', { class: 'hint', id: `${id}-hint`, text: 'Press Enter to send, Shift+Enter for a new line.' });
  const input = h('textarea', { id, name: 'message', rows: 2, maxLength: 2000, attrs: { 'aria-describedby': `${hint.id} ${statusEl.id}` } });
  const counter = h('span', { class: 'char-count', attrs: { 'aria-hidden': 'true' } });
  const send = h('button', { type: 'submit', class: 'button-primary', text: 'Send' });
  const form = h('form', { class: 'card composer', attrs: { 'aria-label': 'Write a message' } },
    h('label', { htmlFor: id, text: isStaff ? 'Message to the group' : 'Share with the group' }),
    input, h('div', { class: 'composer-row' }, hint, counter, send), statusEl);
  let statusTimer = null;
  function status(text) {
    clearTimeout(statusTimer);
    statusEl.textContent = text || '';
    if (text) statusTimer = setTimeout(() => { statusEl.textContent = ''; }, 20000);
  }
  function submit() {
    const text = input.value.trim();
    if (!text) {
      status('Write something first, then press Send.');
      return;
    }
    if (text.length > 2000) {
      status(roomRefusal({ code: 'TOO_LONG' }));
      return;
    }
    status('');
    room.say(text);
    input.value = '';
    counter.textContent = '';
    input.focus();
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  input.addEventListener('input', () => {
    const n = input.value.length;
    counter.textContent = n > 1800 ? `${2000 - n} characters left` : '';
  });
  return { el: form, input, status };
}

function leaveSection(app, room) {
  const box = h('section', { class: 'card leave', attrs: { 'aria-labelledby': 'leave-title' } },
    h('h2', { id: 'leave-title', text: 'Leaving the group' }));
  const confirmBox = h('div', { hidden: true },
    h('p', { text: 'Are you sure? You will stop seeing this group. Your therapist can give you a new invite if you want to come back.' }));
  const start = h('button', { type: 'button', class: 'button-quiet', text: 'Leave this group…' });
  const yes = h('button', { type: 'button', text: 'Yes, leave the group' });
  const no = h('button', { type: 'button', class: 'button-quiet', text: 'Stay' });
  const msg = h('p', { class: 'form-message', hidden: true, attrs: { role: 'status' } });
  confirmBox.append(h('div', { class: 'button-row' }, yes, no));
  start.addEventListener('click', () => { confirmBox.hidden = false; start.hidden = true; no.focus(); });
  no.addEventListener('click', () => { confirmBox.hidden = true; start.hidden = false; start.focus(); });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      await app.api.leave(room.groupId);
      app.navigate('#/');
    } catch (e) {
      msg.hidden = false;
      msg.className = 'form-message problem';
      msg.textContent = apiProblem(e);
      yes.disabled = false;
    }
  });
  box.append(start, confirmBox, msg);
  return box;
}
