// The therapist's console inside a room: session, turn-taking, per-person actions, invites, the
// staff panel (.staff events) and the moderation log. Moderation actions the server does not
// serve yet (warn, mute, redact, approve, reject) stay hidden until it answers to them.
import { announce, formatClock, formatDateTime, h, replace, uid } from '../dom.js';
import { auditServed, channelsServed, roomActionServed } from '../features.js';
import { MODE_LABELS, apiProblem, roomRefusal } from '../texts.js';
import { severityWords } from '../alerts.js';

const MODERATION = ['warn', 'mute', 'unmute', 'redact', 'approve', 'reject'];

const AUDIT_LABELS = {
  'group-created': 'Group created',
  'invite-created': 'Invite code created',
  'invite-revoked': 'Invite code revoked',
  'member-joined': 'Joined the group',
  'member-left': 'Left the group',
  'member-removed': 'Removed from the group',
  'agreement-changed': 'Agreement changed',
  'floor-granted': 'Floor given',
  'floor-next': 'Floor moved to the next person',
  'mode-changed': 'Turn-taking changed',
  'slow-mode-set': 'Slow mode changed',
  'session-started': 'Session started',
  'session-ended': 'Session ended',
};

/** Shows a short status next to a control; good news fades after a few seconds. */
function say(status, text, tone = 'problem') {
  clearTimeout(status.fadeTimer);
  status.textContent = text;
  status.dataset.tone = tone;
  if (text && tone === 'ok') status.fadeTimer = setTimeout(() => { status.textContent = ''; }, 6000);
}

export class Console {
  constructor(app, room, { timeline }) {
    this.app = app;
    this.room = room;
    this.timeline = timeline;
    this.served = {};
    /** Bumped whenever the set of offered actions changes, so per-person actions are rebuilt. */
    this.version = 0;
    this.channels = false;
    this.subs = [];
    this.attention = new Map();
    this.el = h('div', { class: 'console', id: 'console' },
      this.sessionPanel(), this.turnPanel(), this.staffPanel(), this.invitePanel(), this.agreementPanel(), this.auditPanel());
    this.subs.push(room.on('session', () => this.renderSession()));
    this.subs.push(room.on('staff', (event) => this.onStaff(event)));
    this.crisisKeys = new Set();
    if (app.alerts) {
      this.subs.push(app.alerts.on('change', () => this.syncAlerts()));
      this.syncAlerts();
    }
    this.renderSession();
    this.renderFloor();
    this.probe();
    channelsServed(app.api).then((served) => {
      if (!served) return;
      this.channels = true;
      this.version += 1;
      this.room.emit('presence', this.room.online);
    });
  }

  destroy() {
    this.subs.forEach((fn) => fn());
  }

  /** Finds out which moderation actions the room serves, once the socket is open. */
  probe() {
    const run = async () => {
      // coming back to the room after a pull-aside: the room runs again with its therapist
      this.room.moderate('return', {}).catch(() => {});
      const results = await Promise.all(MODERATION.map((type) => roomActionServed(this.room, type)));
      let any = false;
      MODERATION.forEach((type, i) => {
        if (results[i] && !this.served[type]) any = true;
        this.served[type] = results[i];
      });
      if (any) {
        this.version += 1;
        for (const m of this.room.messages.values()) this.timeline.renderMessage(m);
        this.room.emit('presence', this.room.online);
      }
    };
    if (this.room.bus.isOpen) run();
    else {
      const off = this.room.bus.on('open', () => { off(); setTimeout(run, 500); });
      this.subs.push(off);
    }
  }

  async act(fn, status, action, success) {
    say(status, '');
    try {
      await fn();
      if (success) say(status, success, 'ok');
      return true;
    } catch (e) {
      say(status, roomRefusal(e, { ...this.room.turn, action, staff: true }), 'problem');
      return false;
    }
  }

  // ---------------------------------------------------------------- session
  sessionPanel() {
    const titleId = uid('session');
    this.topicId = uid('topic');
    this.topicInput = h('input', { id: this.topicId, type: 'text', maxLength: 200, value: this.room.view.topic || '' });
    this.startButton = h('button', { type: 'button', class: 'button-primary', id: 'start-session', text: 'Start session' });
    this.endButton = h('button', { type: 'button', id: 'end-session', text: 'End session' });
    this.sessionStatus = h('p', { class: 'console-status', attrs: { role: 'status' } });
    this.startFields = h('div', { class: 'field' }, h('label', { htmlFor: this.topicId, text: 'Topic for this session' }), this.topicInput);
    this.startButton.addEventListener('click', () => this.act(() => this.room.start(this.topicInput.value.trim()),
      this.sessionStatus, 'start', 'The session has started.'));
    this.endButton.addEventListener('click', () => {
      if (this.endButton.dataset.confirm !== 'yes') {
        this.endButton.dataset.confirm = 'yes';
        this.endButton.textContent = 'Yes, end the session now';
        this.sessionStatus.textContent = 'Press again to end the session for everyone.';
        return;
      }
      this.act(() => this.room.end(), this.sessionStatus, 'end', 'The session has ended.');
    });
    return h('section', { class: 'card console-panel', attrs: { 'aria-labelledby': titleId } },
      h('h2', { id: titleId, text: 'Session' }), this.startFields, this.startButton, this.endButton, this.sessionStatus);
  }

  renderSession() {
    const open = this.room.session && this.room.session.state === 'open';
    this.startFields.hidden = open;
    this.startButton.hidden = open;
    this.endButton.hidden = !open;
    this.endButton.textContent = 'End session';
    delete this.endButton.dataset.confirm;
  }

  // ---------------------------------------------------------------- turn-taking
  turnPanel() {
    const titleId = uid('turns');
    const modeId = uid('mode');
    const lengthId = uid('turn-length');
    const orderId = uid('queue-order');
    const slowId = uid('slow');
    const turnSeconds = this.room.view.turnSeconds;
    this.modeSelect = h('select', { id: modeId, name: 'mode' },
      Object.entries(MODE_LABELS).map(([value, text]) => h('option', { value, text })));
    const lengths = [[30, '30 seconds'], [60, '1 minute'], [120, '2 minutes'], [180, '3 minutes'], [300, '5 minutes'], [600, '10 minutes'], [0, 'No limit']];
    if (Number.isInteger(turnSeconds) && !lengths.some(([v]) => v === turnSeconds)) lengths.unshift([turnSeconds, formatClock(turnSeconds)]);
    this.lengthSelect = h('select', { id: lengthId, name: 'turnSeconds' },
      lengths.map(([value, text]) => h('option', { value: String(value), text, selected: value === turnSeconds })));
    this.orderSelect = h('select', { id: orderId, name: 'queueOrder' },
      h('option', { value: 'fifo', text: 'In the order hands were raised', selected: this.room.view.queueOrder !== 'equity' }),
      h('option', { value: 'equity', text: 'Those who have spoken least first', selected: this.room.view.queueOrder === 'equity' }));
    this.turnStatus = h('p', { class: 'console-status', attrs: { role: 'status' } });
    const apply = h('button', { type: 'button', id: 'apply-mode', text: 'Apply' });
    apply.addEventListener('click', () => this.act(
      () => this.room.setMode(this.modeSelect.value, Number(this.lengthSelect.value), this.orderSelect.value),
      this.turnStatus, 'set-mode', `Turn-taking is now: ${MODE_LABELS[this.modeSelect.value]}.`));
    this.nextButton = h('button', { type: 'button', id: 'next-speaker', text: 'Give the floor to the next person' });
    this.nextButton.addEventListener('click', () => this.act(() => this.room.next(), this.turnStatus, 'next'));
    const slowSelect = h('select', { id: slowId, name: 'slowMode' },
      [[0, 'Off'], [10, '10 seconds'], [30, '30 seconds'], [60, '1 minute'], [120, '2 minutes'], [300, '5 minutes']]
        .map(([value, text]) => h('option', { value: String(value), text, selected: value === (this.room.view.slowModeSeconds || 0) })));
    const slowApply = h('button', { type: 'button', id: 'apply-slow-mode', text: 'Set slow mode' });
    slowApply.addEventListener('click', () => this.act(() => this.room.setSlowMode(Number(slowSelect.value)),
      this.turnStatus, 'set-slow-mode', Number(slowSelect.value) ? 'Slow mode is on.' : 'Slow mode is off.'));
    return h('section', { class: 'card console-panel', attrs: { 'aria-labelledby': titleId } },
      h('h2', { id: titleId, text: 'Turn-taking' }),
      h('div', { class: 'field' }, h('label', { htmlFor: modeId, text: 'Mode' }), this.modeSelect),
      h('div', { class: 'field' }, h('label', { htmlFor: lengthId, text: 'Length of a turn' }), this.lengthSelect),
      h('div', { class: 'field' }, h('label', { htmlFor: orderId, text: 'Queue order' }), this.orderSelect),
      apply, this.nextButton,
      h('div', { class: 'field' }, h('label', { htmlFor: slowId, text: 'Slow mode in open conversation (time between one person’s messages)' }), slowSelect),
      slowApply, this.turnStatus);
  }

  renderFloor() {
    const t = this.room.turn;
    if (document.activeElement !== this.modeSelect) this.modeSelect.value = t.chosenMode || t.mode;
    this.nextButton.disabled = !(t.queue && t.queue.length);
  }

  // ---------------------------------------------------------------- per person
  personActions(p) {
    if (p.role === 'therapist') return null;
    const status = h('p', { class: 'console-status', attrs: { role: 'status' } });
    const grant = h('button', { type: 'button', class: 'grant', text: 'Give the floor',
      dataset: { action: 'grant', memberId: p.memberId },
      attrs: { 'aria-label': `Give the floor to ${p.pseudonym}` } });
    grant.addEventListener('click', () => this.act(() => this.room.grant(p.memberId), status, 'grant'));
    const more = h('details', { class: 'person-more' },
      h('summary', {}, 'More', h('span', { class: 'visually-hidden', text: ` for ${p.pseudonym}` })),
      this.served.warn ? this.reasonAction(p, 'warn', 'Send a private note', 'What would you like them to hear? Only they will see it.', (reason) => ({ memberId: p.memberId, reason })) : null,
      this.served.mute ? this.muteAction(p) : null,
      this.served.unmute ? h('button', { type: 'button', text: 'Let them post again',
        on: { click: () => this.act(() => this.room.moderate('unmute', { memberId: p.memberId }), status, 'unmute', 'Done.') } }) : null,
      this.channels ? h('button', { type: 'button', text: 'Talk privately', on: { click: () => this.talkPrivately(p.memberId, status) } }) : null,
      this.removeAction(p));
    return h('div', { class: 'person-actions' }, grant, more, status);
  }

  reasonAction(p, type, label, prompt, fields) {
    const id = uid(type);
    const input = h('textarea', { id, rows: 2, maxLength: 500 });
    const status = h('p', { class: 'console-status', attrs: { role: 'status' } });
    const button = h('button', { type: 'button', text: label });
    button.addEventListener('click', async () => {
      if (await this.act(() => this.room.moderate(type, fields(input.value.trim())), status, type, 'Sent.')) input.value = '';
    });
    return h('div', { class: 'field' }, h('label', { htmlFor: id, text: prompt }), input, button, status);
  }

  muteAction(p) {
    const id = uid('mute');
    const select = h('select', { id }, [[300, '5 minutes'], [900, '15 minutes'], [1800, '30 minutes'], [3600, '1 hour']]
      .map(([v, text]) => h('option', { value: String(v), text })));
    const status = h('p', { class: 'console-status', attrs: { role: 'status' } });
    const button = h('button', { type: 'button', text: `Pause ${p.pseudonym}'s posting` });
    button.addEventListener('click', () => this.act(() => this.room.moderate('mute', { memberId: p.memberId, seconds: Number(select.value) }), status, 'mute', 'Done.'));
    return h('div', { class: 'field' }, h('label', { htmlFor: id, text: 'Pause posting for' }), select, button, status);
  }

  removeAction(p) {
    const id = uid('remove');
    const reason = h('textarea', { id, rows: 2, maxLength: 500 });
    const status = h('p', { class: 'console-status', attrs: { role: 'status' } });
    const confirmBox = h('div', { hidden: true },
      h('div', { class: 'field' }, h('label', { htmlFor: id, text: 'Reason, for the moderation log (optional)' }), reason));
    const start = h('button', { type: 'button', class: 'button-quiet', text: 'Remove from the group…' });
    const yes = h('button', { type: 'button', text: `Yes, remove ${p.pseudonym}` });
    confirmBox.append(yes);
    start.addEventListener('click', () => { confirmBox.hidden = false; start.hidden = true; reason.focus(); });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      try {
        await this.app.api.removeMember(this.room.groupId, p.memberId, reason.value.trim());
        say(status, `${p.pseudonym} has been removed.`, 'ok');
      } catch (e) {
        say(status, apiProblem(e));
        yes.disabled = false;
      }
    });
    return h('div', { class: 'remove-action' }, start, confirmBox, status);
  }

  /** Pull-aside: opens the private conversation; the room hears only that the therapist stepped away. */
  async talkPrivately(memberId, status) {
    try {
      const reply = await this.room.moderate('pull-aside', { memberId });
      this.app.navigate(`#/channels/${reply.channelId}`);
    } catch (e) {
      say(status, roomRefusal(e, { ...this.room.turn, action: 'pull-aside', staff: true }), 'problem');
    }
  }

  /** Actions on one message in the timeline (only for served actions). */
  messageActions(m) {
    if (this.room.isMine(m) || m.redacted) return null;
    const buttons = [];
    const status = h('p', { class: 'console-status', attrs: { role: 'status' } });
    if (m.status === 'held' && this.served.approve) {
      buttons.push(h('button', { type: 'button', text: 'Share it', on: { click: () => this.act(() => this.room.moderate('approve', { seq: m.seq }), status, 'approve', 'Shared.') } }));
    }
    if (m.status === 'held' && this.served.reject) {
      buttons.push(h('button', { type: 'button', text: "Don't share", on: { click: () => this.act(() => this.room.moderate('reject', { seq: m.seq }), status, 'reject', 'Not shared.') } }));
    }
    if ((!m.status || m.status === 'visible') && this.served.redact) {
      buttons.push(h('button', { type: 'button', class: 'button-quiet', text: 'Remove message',
        on: { click: () => this.act(() => this.room.moderate('redact', { seq: m.seq, reason: 'Removed by the therapist' }), status, 'redact', 'Removed.') } }));
    }
    return buttons.length ? h('div', { class: 'message-actions' }, buttons, status) : null;
  }

  // ---------------------------------------------------------------- staff events
  staffPanel() {
    const titleId = uid('staff');
    this.attentionTitle = h('h2', { id: titleId, text: 'Needs your attention' });
    this.attentionList = h('ul', { class: 'attention' });
    this.attentionEmpty = h('p', { class: 'hint', text: 'Nothing right now. Crisis alerts, held messages and flags appear here.' });
    this.statsBox = h('div', { class: 'stats', hidden: true });
    this.staffEl = h('section', { class: 'card console-panel staff-panel', id: 'staff-panel', attrs: { 'aria-labelledby': titleId } },
      this.attentionTitle, this.attentionEmpty, this.attentionList, this.statsBox);
    return this.staffEl;
  }

  onStaff(event) {
    if (!event || typeof event !== 'object') return;
    switch (event.type) {
      case 'stats': this.renderStats(event); break;
      case 'crisis': this.crisisFromRoom(event); break;
      case 'held': this.addHeld(event); break;
      case 'flag': this.addFlag(event); break;
      case 'check-in': this.addCheckIn(event); break;
      default: break;
    }
  }

  renderAttentionCount() {
    const n = this.attention.size;
    this.attentionTitle.textContent = n ? `Needs your attention (${n})` : 'Needs your attention';
    this.attentionEmpty.hidden = n > 0;
  }

  addAttention(key, el) {
    if (this.attention.has(key)) return;
    this.attention.set(key, el);
    this.attentionList.prepend(el);
    this.renderAttentionCount();
  }

  resolveAttention(key) {
    const el = this.attention.get(key);
    if (el) el.remove();
    this.attention.delete(key);
    this.renderAttentionCount();
  }

  /** A crisis on .staff goes to the alerts (banner, title, sound), which feed this panel. */
  crisisFromRoom(event) {
    // a message the group did not see comes on no channel of the room: fetch it for the timeline
    if (event.shared === false && Number.isFinite(event.seq)) this.room.catchUp('gap');
    if (!this.app.alerts || !event.escalationId) {
      this.addCrisis(event);
      return;
    }
    this.app.alerts.receive({ ...event, type: 'crisis', groupId: this.room.groupId, groupName: this.room.view.name });
  }

  /** The panel shows this group's unacknowledged escalations, also after a reload or a session's end. */
  syncAlerts() {
    const open = this.app.alerts.forGroup(this.room.groupId);
    const wanted = new Set(open.map((e) => `crisis-${e.id}`));
    for (const key of this.crisisKeys) if (!wanted.has(key)) this.resolveAttention(key);
    for (const e of open.slice().reverse()) this.addCrisis({ ...e, escalationId: e.id });
    this.crisisKeys = wanted;
  }

  addCrisis(event) {
    const key = `crisis-${event.escalationId || event.seq}`;
    if (this.attention.has(key)) return;
    const status = h('p', { class: 'console-status', attrs: { role: 'status' } });
    const ack = h('button', { type: 'button', class: 'button-primary', text: "I've seen this" });
    ack.addEventListener('click', async () => {
      // recorded on the escalation (and in the audit log), not only on this screen
      if (event.escalationId) {
        try {
          if (this.app.alerts) await this.app.alerts.acknowledge(event.escalationId);
          else await this.app.api.post(`/api/escalations/${event.escalationId}/acknowledge`, {});
        } catch (e) {
          say(status, apiProblem(e), 'problem');
          return;
        }
      }
      this.resolveAttention(key);
    });
    const el = h('li', { class: 'attention-item crisis' },
      h('p', { class: 'attention-kind', text: `Possible crisis — ${severityWords(event.severity)}` }),
      h('p', {}, h('strong', { text: event.pseudonym || this.room.memberName(event.memberId) }), ' wrote:'),
      h('blockquote', { text: event.text || '' }),
      h('p', { class: 'hint', text: 'They have privately been shown crisis resources. Please check in with them.' }),
      h('div', { class: 'button-row' }, ack,
        Number.isFinite(event.seq) ? h('a', { class: 'button-link', href: `#/groups/${this.room.groupId}?seq=${event.seq}`, text: 'Show in the conversation' }) : null,
        this.channels && event.memberId ? h('button', { type: 'button', text: 'Talk privately', on: { click: () => this.talkPrivately(event.memberId, status) } }) : null),
      status);
    this.addAttention(key, el);
  }

  addHeld(event) {
    const key = `held-${event.seq}`;
    const status = h('p', { class: 'console-status', attrs: { role: 'status' } });
    const decide = (type, done) => async () => {
      if (await this.act(() => this.room.moderate(type, { seq: event.seq }), status, type)) {
        this.resolveAttention(key);
        announce(done);
      }
    };
    const el = h('li', { class: 'attention-item held' },
      h('p', { class: 'attention-kind', text: 'Message waiting for review' }),
      h('p', {}, h('strong', { text: event.pseudonym || this.room.memberName(event.memberId) }), event.reason ? ` — ${event.reason}` : ''),
      h('blockquote', { text: event.text || '' }),
      h('div', { class: 'button-row' },
        h('button', { type: 'button', class: 'button-primary', text: 'Share with the group', on: { click: decide('approve', 'The message was shared.') } }),
        h('button', { type: 'button', text: "Don't share", on: { click: decide('reject', 'The message was not shared.') } })),
      status);
    this.addAttention(key, el);
    announce('A message is waiting for your review.');
  }

  addFlag(event) {
    const key = `flag-${event.seq}`;
    const status = h('p', { class: 'console-status', attrs: { role: 'status' } });
    const m = this.room.messages.get(event.seq);
    const el = h('li', { class: 'attention-item flag' },
      h('p', { class: 'attention-kind', text: 'Flagged message' }),
      h('p', {}, h('strong', { text: this.room.memberName(event.memberId) }), event.reason ? ` — ${event.reason}` : ''),
      m && m.text ? h('blockquote', { text: m.text }) : null,
      h('div', { class: 'button-row' },
        this.served.redact ? h('button', { type: 'button', text: 'Remove message',
          on: { click: async () => { if (await this.act(() => this.room.moderate('redact', { seq: event.seq, reason: event.reason || 'Removed by the therapist' }), status, 'redact')) this.resolveAttention(key); } } }) : null,
        h('button', { type: 'button', class: 'button-quiet', text: 'Dismiss', on: { click: () => this.resolveAttention(key) } })),
      status);
    this.addAttention(key, el);
  }

  /** Less than an alert: the screening thinks this person may be struggling; a quiet word may help. */
  addCheckIn(event) {
    const key = `check-in-${event.seq != null ? event.seq : event.at}`;
    const el = h('li', { class: 'attention-item check-in' },
      h('p', { class: 'attention-kind', text: 'Maybe worth a quiet check-in' }),
      h('p', {}, h('strong', { text: event.pseudonym || this.room.memberName(event.memberId) }), ' wrote:'),
      h('blockquote', { text: event.text || '' }),
      h('p', { class: 'hint', text: 'Nothing was shown to them. This is not an alert, just something you may want to follow up.' }),
      h('div', { class: 'button-row' },
        h('button', { type: 'button', class: 'button-quiet', text: 'Dismiss', on: { click: () => this.resolveAttention(key) } })));
    this.addAttention(key, el);
  }

  renderStats(event) {
    const rows = (event.speakingTime || []).slice().sort((a, b) => b.floorSeconds - a.floorSeconds);
    const captionId = uid('stats');
    replace(this.statsBox,
      h('h3', { id: captionId, text: 'Speaking time in the last session' }),
      rows.length ? h('table', { class: 'stats-table', attrs: { 'aria-labelledby': captionId } },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Member' }), h('th', { scope: 'col', text: 'Time with the floor' }), h('th', { scope: 'col', text: 'Messages' }))),
        h('tbody', {}, rows.map((r) => h('tr', {},
          h('th', { scope: 'row', text: r.pseudonym || 'someone' }),
          h('td', { text: formatClock(r.floorSeconds || 0) }),
          h('td', { text: String(r.messages || 0) })))))
        : h('p', { text: 'Nobody spoke in this session.' }));
    this.statsBox.hidden = false;
    announce('The session summary is ready in the staff panel.');
  }

  // ---------------------------------------------------------------- invites
  invitePanel() {
    const titleId = uid('invites');
    const hoursId = uid('hours');
    const usesId = uid('uses');
    const hours = h('select', { id: hoursId }, [[24, '1 day'], [72, '3 days'], [168, '1 week'], [720, '30 days']]
      .map(([v, text]) => h('option', { value: String(v), text, selected: v === 72 })));
    const uses = h('select', { id: usesId }, [[1, 'One person'], [5, 'Up to 5 people'], [10, 'Up to 10 people']]
      .map(([v, text]) => h('option', { value: String(v), text })));
    const create = h('button', { type: 'button', class: 'button-primary', id: 'create-invite', text: 'Create invite code' });
    const result = h('div', { class: 'invite-result', attrs: { 'aria-live': 'polite' } });
    const list = h('ul', { class: 'invite-list' });
    const status = h('p', { class: 'console-status', attrs: { role: 'status' } });
    const refresh = async () => {
      try {
        const invites = await this.app.api.invites(this.room.groupId);
        replace(list, invites.filter((i) => i.status === 'active' || !i.status).map((i) => h('li', {},
          h('code', { class: 'invite-code', text: i.code }),
          h('span', { class: 'hint', text: ` ${i.uses || 0} of ${i.maxUses} used · until ${formatDateTime(i.expiresAt)} ` }),
          h('button', { type: 'button', class: 'button-quiet', text: 'Revoke', attrs: { 'aria-label': `Revoke invite ${i.code}` },
            on: { click: async () => {
              try {
                await this.app.api.revokeInvite(this.room.groupId, i.code);
                say(status, `Invite ${i.code} no longer works.`, 'ok');
                refresh();
              } catch (e) { say(status, apiProblem(e)); }
            } } }))));
      } catch (e) {
        replace(list);
      }
    };
    create.addEventListener('click', async () => {
      create.disabled = true;
      say(status, '');
      try {
        const invite = await this.app.api.createInvite(this.room.groupId, { expiresInHours: Number(hours.value), maxUses: Number(uses.value) });
        const copy = h('button', { type: 'button', text: 'Copy' });
        copy.addEventListener('click', async () => {
          try {
            await navigator.clipboard.writeText(invite.code);
            say(status, 'Copied.', 'ok');
          } catch (e) {
            const range = document.createRange();
            range.selectNodeContents(codeEl);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            say(status, 'Selected — copy it with your keyboard.', 'ok');
          }
        });
        const codeEl = h('output', { class: 'invite-code new-invite', id: 'new-invite-code', text: invite.code });
        replace(result, h('p', {}, 'New invite code: ', codeEl, ' ', copy),
          h('p', { class: 'hint', text: `Valid until ${formatDateTime(invite.expiresAt)}. Give it to your client privately.` }));
        refresh();
      } catch (e) {
        say(status, apiProblem(e));
      } finally {
        create.disabled = false;
      }
    });
    refresh();
    return h('section', { class: 'card console-panel', attrs: { 'aria-labelledby': titleId } },
      h('h2', { id: titleId, text: 'Invite codes' }),
      h('div', { class: 'field-row' },
        h('div', { class: 'field' }, h('label', { htmlFor: hoursId, text: 'Valid for' }), hours),
        h('div', { class: 'field' }, h('label', { htmlFor: usesId, text: 'Can be used by' }), uses)),
      create, result, status, h('h3', { text: 'Active codes' }), list);
  }

  // ---------------------------------------------------------------- the group agreement
  agreementPanel() {
    const titleId = uid('agreement');
    const textId = uid('agreement-text');
    const current = this.room.view.agreement || {};
    const versionLine = h('p', { class: 'hint', text: `Version ${current.version || 1}.` });
    const text = h('textarea', { id: textId, rows: 8, maxLength: 10000, value: current.text || '' });
    const status = h('p', { class: 'console-status', attrs: { role: 'status' } });
    const save = h('button', { type: 'button', text: 'Save as a new version' });
    save.addEventListener('click', async () => {
      const value = text.value.trim();
      if (!value) {
        say(status, 'The agreement cannot be empty.');
        return;
      }
      if (value === (this.room.view.agreement || {}).text) {
        say(status, 'Nothing has changed.', 'ok');
        return;
      }
      save.disabled = true;
      try {
        const saved = await this.app.api.put(`/api/groups/${encodeURIComponent(this.room.groupId)}/agreement`, { text: value });
        this.room.view.agreement = { version: saved.version, text: saved.text };
        versionLine.textContent = `Version ${saved.version}.`;
        say(status, 'Saved. Members will be asked to read and accept the new version before they share again.', 'ok');
      } catch (e) {
        say(status, apiProblem(e));
      } finally {
        save.disabled = false;
      }
    });
    return h('details', { class: 'card console-panel agreement-editor' },
      h('summary', {}, h('h2', { id: titleId, class: 'summary-heading', text: 'Group agreement' })),
      versionLine,
      h('div', { class: 'field' }, h('label', { htmlFor: textId, text: 'Agreement text' }), text),
      h('p', { class: 'hint', text: 'Saving makes a new version. Members must accept it before they can share or raise a hand again.' }),
      save, status);
  }

  // ---------------------------------------------------------------- moderation log
  auditPanel() {
    const titleId = uid('audit');
    const section = h('section', { class: 'card console-panel audit', hidden: true, attrs: { 'aria-labelledby': titleId } });
    const list = h('ol', { class: 'audit-list', hidden: true, attrs: { 'aria-labelledby': titleId } });
    const show = h('button', { type: 'button', id: 'show-audit', text: 'Show the moderation log' });
    const more = h('button', { type: 'button', class: 'button-quiet', text: 'Show more', hidden: true });
    const status = h('p', { class: 'console-status', attrs: { role: 'status' } });
    let after = 0;
    const load = async () => {
      show.disabled = true;
      more.disabled = true;
      try {
        const page = await this.app.api.audit(this.room.groupId, { after, limit: 50 });
        for (const entry of page.entries || []) {
          after = Math.max(after, entry.id || 0);
          list.append(auditEntry(entry, this.app.me.id));
        }
        list.hidden = false;
        show.hidden = true;
        more.hidden = !page.hasMore;
        say(status, list.childElementCount ? '' : 'Nothing in the log yet.', 'ok');
      } catch (e) {
        say(status, apiProblem(e));
        show.disabled = false;
      } finally {
        more.disabled = false;
      }
    };
    show.addEventListener('click', load);
    more.addEventListener('click', load);
    section.append(h('h2', { id: titleId, text: 'Moderation log' }),
      h('p', { class: 'hint', text: 'Oldest first. Who did what in this group, and why.' }), show, list, more, status);
    auditServed(this.app.api, this.room.groupId).then((served) => { section.hidden = !served; });
    return section;
  }
}

/** One line of the moderation log: when, what, about whom, by whom, why. */
function auditEntry(entry, myAccountId) {
  const details = Object.entries(entry.details || {})
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${words(k)}: ${typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? formatDateTime(v) : v}`)
    .join(' · ');
  const by = entry.actor === 'facilitator' ? 'the facilitator'
    : entry.actorId && entry.actorId === myAccountId ? 'you' : 'a therapist';
  return h('li', { class: 'audit-entry' },
    h('p', { class: 'audit-head' },
      h('strong', { text: AUDIT_LABELS[entry.action] || String(entry.action || '').replace(/-/g, ' ') }),
      entry.pseudonym ? ` — ${entry.pseudonym}` : ''),
    h('p', { class: 'audit-meta' }, h('time', { dateTime: entry.at, text: formatDateTime(entry.at) }), ` · by ${by}`),
    entry.reason ? h('p', { class: 'audit-reason', text: `Reason: ${entry.reason}` }) : null,
    details ? h('p', { class: 'audit-details', text: details }) : null);
}

/** "expiresAt" -> "expires at". */
function words(key) {
  return String(key).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
