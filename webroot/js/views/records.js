// A therapist's goals and private session notes for one client (GET/POST /api/clients/{id}/goals,
// PATCH …/goals/{goalId}, GET/POST …/notes). Only that therapist can read them: the client, the
// client's other therapists and admins cannot, and the server enforces it. They are clinical
// records, so they live in this page's memory only — never in localStorage or sessionStorage,
// never in the console — and are gone when the page is left.
import { announce, field, formatDateTime, h, replace, setFieldError, uid } from '../dom.js';
import { GOAL_STATUS_LABELS, recordProblem } from '../texts.js';

const MAX_GOAL = 500;
const MAX_NOTE = 2000;
const NOTES_PAGE = 20;
/** Control characters other than line breaks and tabs, which the server refuses. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const UNREADABLE = "This text can't be opened: the key it was saved with is no longer available.";

/** Characters as the server counts them (code points). */
function length(text) {
  return [...text].length;
}

function number(n) {
  return n.toLocaleString('en');
}

/** What is wrong with a text before it is sent ('' when nothing). kind: 'goal' or 'note'. */
function textProblem(text, max, kind) {
  if (!text) return `Please write the ${kind} first.`;
  const n = length(text);
  if (n > max) return `A ${kind} can be up to ${number(max)} characters; this one has ${number(n)}. Please shorten it.`;
  if (CONTROL.test(text)) return 'The text contains invisible control characters (perhaps from a paste). Please remove them and try again.';
  return '';
}

/** Shows a short status next to a control; good news fades after a few seconds. */
function say(status, text, tone = 'problem') {
  clearTimeout(status.fadeTimer);
  status.textContent = text;
  status.dataset.tone = tone;
  if (text && tone === 'ok') status.fadeTimer = setTimeout(() => { status.textContent = ''; }, 6000);
}

/** "N characters left" near the limit, "N characters too many" beyond it; empty otherwise. */
function counter(input, max) {
  const el = h('p', { class: 'char-count', attrs: { 'aria-hidden': 'true' } });
  const update = () => {
    const n = length(input.value.trim());
    el.textContent = n > max ? `${number(n - max)} characters too many`
      : n > max * 0.8 ? `${number(max - n)} characters left` : '';
    el.dataset.over = n > max ? 'true' : 'false';
  };
  input.addEventListener('input', update);
  return { el, update };
}

/** A goal's text on one short line, for the names of its buttons. */
function shortText(goal) {
  if (goal.text == null) return 'a goal that cannot be opened';
  const line = goal.text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function changedLater(goal) {
  const created = Date.parse(goal.createdAt);
  const updated = Date.parse(goal.updatedAt);
  return Number.isFinite(created) && Number.isFinite(updated) && updated - created > 1000;
}

export class ClientRecords {
  /**
   * clientId: the client's account id; clientName: their display name; level: the heading level
   * of the two sections (2 on a page of their own, 3 inside another panel).
   */
  constructor(app, { clientId, clientName, level = 2 }) {
    this.app = app;
    this.clientId = clientId;
    this.clientName = clientName || 'your client';
    this.heading = `h${level}`;
    this.goals = [];
    this.goalEls = new Map();
    this.goalsLoaded = false;
    this.notes = [];
    this.notesLoaded = false;
    this.hasMore = false;
    this.started = false;
    this.disposed = false;
    /** Open goal editors: functions answering whether they hold unsaved changes. */
    this.editors = new Set();
    this.el = h('div', { class: 'records' }, this.goalsSection(), this.notesSection());
    // An unsaved note or goal is only ever in the form; warn before the page is closed or reloaded.
    this.onBeforeUnload = (event) => {
      if (!this.hasDraft()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', this.onBeforeUnload);
  }

  /** Loads goals and the newest notes (once; later calls do nothing). */
  load() {
    if (this.started || this.disposed) return;
    this.started = true;
    this.loadGoals();
    this.loadNotes();
  }

  destroy() {
    this.disposed = true;
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.editors.clear();
  }

  hasDraft() {
    return !!(this.goalField.input.value.trim() || this.noteField.input.value.trim()
      || [...this.editors].some((changed) => changed()));
  }

  // ---------------------------------------------------------------- goals

  goalsSection() {
    const titleId = uid('goals-title');
    this.goalList = h('ul', { class: 'goal-list', attrs: { 'aria-labelledby': titleId } });
    this.goalsState = h('p', { class: 'hint records-state', text: 'Loading goals…' });
    this.goalsStatus = h('p', { class: 'console-status', attrs: { role: 'status' } });
    this.goalsRetry = h('button', { type: 'button', class: 'button-quiet', text: 'Try loading the goals again', hidden: true,
      on: { click: () => this.loadGoals() } });

    const f = field({ label: 'New goal', name: 'goal', multiline: true, rows: 2,
      hint: 'Up to 500 characters. Press Enter to add it, Shift+Enter for a new line.' });
    this.goalField = f;
    const count = counter(f.input, MAX_GOAL);
    f.input.after(count.el);
    const add = h('button', { type: 'submit', class: 'button-primary', text: 'Add goal' });
    const message = h('p', { class: 'console-status', attrs: { role: 'status' } });
    const form = h('form', { class: 'records-form goal-add', attrs: { novalidate: true, 'aria-label': 'Add a goal' } },
      f.wrap, add, message);
    f.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (add.disabled) return;
      const text = f.input.value.trim();
      const problem = textProblem(text, MAX_GOAL, 'goal');
      setFieldError(f, problem);
      say(message, '');
      if (problem) {
        f.input.focus();
        return;
      }
      add.disabled = true;
      try {
        const goal = await this.app.api.addGoal(this.clientId, text);
        if (this.disposed) return;
        f.input.value = '';
        count.update();
        if (this.goalsLoaded) {
          this.goals.push(goal);
          this.goalList.append(this.goalItem(goal));
          this.renderGoalsState();
        } else {
          this.loadGoals();
        }
        say(message, 'Goal added.', 'ok');
        f.input.focus();
      } catch (e) {
        if (this.disposed || (e && e.signedOut)) return;
        const text = recordProblem(e, 'goal');
        if (e && e.code === 'INVALID' && /\btext\b/i.test(e.message || '')) {
          setFieldError(f, text);
          f.input.focus();
        } else {
          say(message, text);
        }
      } finally {
        add.disabled = false;
      }
    });

    return h('section', { class: 'card records-section records-goals', attrs: { 'aria-labelledby': titleId } },
      h(this.heading, { id: titleId, text: 'Goals' }),
      h('p', { class: 'hint', text: `What you and ${this.clientName} are working towards.` }),
      this.goalsState, this.goalList, this.goalsStatus, this.goalsRetry, form);
  }

  async loadGoals() {
    if (this.loadingGoals) return;
    this.loadingGoals = true;
    this.goalsRetry.hidden = true;
    say(this.goalsStatus, '');
    try {
      const goals = await this.app.api.goals(this.clientId);
      if (this.disposed) return;
      this.goals = goals;
      this.goalsLoaded = true;
      this.goalEls.clear();
      this.editors.clear();
      replace(this.goalList, goals.map((g) => this.goalItem(g)));
      this.renderGoalsState();
    } catch (e) {
      if (this.disposed || (e && e.signedOut)) return;
      this.goalsState.hidden = true;
      say(this.goalsStatus, recordProblem(e, 'goals'));
      this.goalsRetry.hidden = false;
    } finally {
      this.loadingGoals = false;
    }
  }

  renderGoalsState() {
    this.goalsState.textContent = 'No goals yet. Add the first one below.';
    this.goalsState.hidden = this.goals.length > 0;
  }

  goalItem(goal) {
    const status = GOAL_STATUS_LABELS[goal.status] ? goal.status : 'active';
    const name = shortText(goal);
    const li = h('li', { class: 'goal', dataset: { goalId: goal.id, status } });
    const text = goal.text == null
      ? h('p', { class: 'goal-text unreadable', text: UNREADABLE })
      : h('p', { class: 'goal-text', text: goal.text });
    const meta = h('p', { class: 'goal-meta' },
      h('span', { class: 'goal-status', dataset: { status }, text: GOAL_STATUS_LABELS[status] }),
      h('span', { text: `Set ${formatDateTime(goal.createdAt)}${changedLater(goal) ? ` · changed ${formatDateTime(goal.updatedAt)}` : ''}` }));
    const message = h('p', { class: 'console-status', attrs: { role: 'status' } });
    const change = h('button', { type: 'button', class: 'goal-change', text: 'Change',
      attrs: { 'aria-label': `Change goal: ${name}` } });
    const achieve = status === 'active' || status === 'paused'
      ? h('button', { type: 'button', class: 'goal-achieve', text: 'Mark achieved', attrs: { 'aria-label': `Mark achieved: ${name}` } })
      : null;
    const buttons = h('div', { class: 'button-row goal-actions' }, achieve, change);
    li.append(text, meta, buttons, message);
    if (achieve) {
      achieve.addEventListener('click', async () => {
        achieve.disabled = true;
        say(message, '');
        try {
          const saved = await this.app.api.changeGoal(this.clientId, goal.id, { status: 'achieved' });
          if (this.disposed) return;
          this.goalChanged(saved, 'Marked as achieved.');
        } catch (e) {
          if (this.disposed || (e && e.signedOut)) return;
          say(message, recordProblem(e, 'change'));
          achieve.disabled = false;
        }
      });
    }
    change.addEventListener('click', () => this.openEditor(goal, li, buttons, change));
    this.goalEls.set(goal.id, li);
    return li;
  }

  /** Shows the saved goal in place of the old one, and keeps the keyboard where it was. */
  goalChanged(saved, news) {
    const i = this.goals.findIndex((g) => g.id === saved.id);
    if (i >= 0) this.goals[i] = saved;
    else this.goals.push(saved);
    const old = this.goalEls.get(saved.id);
    const fresh = this.goalItem(saved);
    if (old && old.isConnected) old.replaceWith(fresh);
    else this.goalList.append(fresh);
    this.renderGoalsState();
    fresh.querySelector('.goal-change').focus();
    say(fresh.querySelector('.console-status'), news, 'ok');
    announce(news);
  }

  openEditor(goal, li, buttons, changeButton) {
    if (li.querySelector('.goal-edit')) return;
    const text = field({ label: 'Goal', name: 'goalText', multiline: true, rows: 3, value: goal.text || '',
      hint: goal.text == null ? 'The old text cannot be opened. Write it again to replace it, or leave this empty to change only the status.' : undefined });
    const count = counter(text.input, MAX_GOAL);
    text.input.after(count.el);
    count.update();
    const status = field({ label: 'Status', name: 'goalStatus', value: goal.status, options: Object.entries(GOAL_STATUS_LABELS) });
    const save = h('button', { type: 'submit', class: 'button-primary', text: 'Save changes' });
    const cancel = h('button', { type: 'button', class: 'button-quiet', text: 'Cancel' });
    const message = h('p', { class: 'console-status', attrs: { role: 'status' } });
    const form = h('form', { class: 'goal-edit', attrs: { novalidate: true, 'aria-label': `Change goal: ${shortText(goal)}` } },
      text.wrap, status.wrap, h('div', { class: 'button-row' }, save, cancel), message);
    const changes = () => {
      const change = {};
      const t = text.input.value.trim();
      if (t && t !== goal.text) change.text = t;
      if (status.input.value !== goal.status) change.status = status.input.value;
      return change;
    };
    const unsaved = () => Object.keys(changes()).length > 0;
    this.editors.add(unsaved);
    const close = () => {
      this.editors.delete(unsaved);
      form.remove();
      buttons.hidden = false;
      changeButton.focus();
    };
    cancel.addEventListener('click', close);
    editorKeys(form, text.input, close);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (save.disabled) return;
      say(message, '');
      const change = changes();
      const problem = goal.text != null && !text.input.value.trim()
        ? 'A goal needs some text. To stop working on it, set its status to Dropped instead.'
        : change.text ? textProblem(change.text, MAX_GOAL, 'goal') : '';
      setFieldError(text, problem);
      if (problem) {
        text.input.focus();
        return;
      }
      if (!Object.keys(change).length) {
        close();
        say(li.querySelector('.console-status'), 'Nothing was changed.', 'ok');
        return;
      }
      save.disabled = true;
      try {
        const saved = await this.app.api.changeGoal(this.clientId, goal.id, change);
        if (this.disposed) return;
        this.editors.delete(unsaved);
        this.goalChanged(saved, 'Goal saved.');
      } catch (e) {
        if (this.disposed || (e && e.signedOut)) return;
        const words = recordProblem(e, 'change');
        if (e && e.code === 'INVALID' && /\btext\b/i.test(e.message || '')) {
          setFieldError(text, words);
          text.input.focus();
        } else {
          say(message, words);
        }
        save.disabled = false;
      }
    });
    buttons.hidden = true;
    li.insertBefore(form, buttons);
    text.input.focus();
  }

  // ---------------------------------------------------------------- notes

  notesSection() {
    const titleId = uid('notes-title');
    this.noteList = h('ol', { class: 'note-list', attrs: { 'aria-labelledby': titleId } });
    this.notesState = h('p', { class: 'hint records-state', text: 'Loading notes…' });
    this.notesStatus = h('p', { class: 'console-status', attrs: { role: 'status' } });
    this.notesRetry = h('button', { type: 'button', class: 'button-quiet', text: 'Try loading the notes again', hidden: true,
      on: { click: () => this.loadNotes(false) } });
    this.olderButton = h('button', { type: 'button', class: 'older-notes', text: 'Load older notes', hidden: true,
      on: { click: () => this.loadNotes(true) } });

    const f = field({ label: 'New note', name: 'note', multiline: true, rows: 4,
      hint: 'Up to 2,000 characters. Press Ctrl+Enter (⌘+Enter on a Mac) to save.' });
    this.noteField = f;
    const count = counter(f.input, MAX_NOTE);
    f.input.after(count.el);
    const save = h('button', { type: 'submit', class: 'button-primary', text: 'Save note' });
    const message = h('p', { class: 'console-status', attrs: { role: 'status' } });
    const form = h('form', { class: 'records-form note-add', attrs: { novalidate: true, 'aria-label': 'Write a note' } },
      f.wrap, save, message);
    f.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (save.disabled) return;
      const text = f.input.value.trim();
      const problem = textProblem(text, MAX_NOTE, 'note');
      setFieldError(f, problem);
      say(message, '');
      if (problem) {
        f.input.focus();
        return;
      }
      save.disabled = true;
      try {
        const note = await this.app.api.addNote(this.clientId, text);
        if (this.disposed) return;
        f.input.value = '';
        count.update();
        if (this.notesLoaded) {
          this.notes.unshift(note);
          this.noteList.prepend(this.noteItem(note));
          this.renderNotesState();
        } else {
          this.loadNotes(false);
        }
        say(message, 'Note saved.', 'ok');
        f.input.focus();
      } catch (e) {
        if (this.disposed || (e && e.signedOut)) return;
        const words = recordProblem(e, 'note');
        if (e && e.code === 'INVALID' && /\btext\b/i.test(e.message || '')) {
          setFieldError(f, words);
          f.input.focus();
        } else {
          say(message, words);
        }
      } finally {
        save.disabled = false;
      }
    });

    return h('section', { class: 'card records-section records-notes', attrs: { 'aria-labelledby': titleId } },
      h(this.heading, { id: titleId, text: 'Session notes' }),
      h('p', { class: 'hint', text: `Private to you: ${this.clientName}, their other therapists and administrators can't read them. Newest first.` }),
      form, this.notesState, this.noteList, this.olderButton, this.notesStatus, this.notesRetry);
  }

  /** The newest page (older = false), or the page before the oldest note shown (older = true). */
  async loadNotes(older) {
    if (this.loadingNotes) return;
    this.loadingNotes = true;
    this.olderButton.disabled = true;
    this.notesRetry.hidden = true;
    say(this.notesStatus, '');
    const oldest = this.notes[this.notes.length - 1];
    try {
      const page = await this.app.api.notes(this.clientId, { before: older && oldest ? oldest.id : undefined, limit: NOTES_PAGE });
      if (this.disposed) return;
      const list = page.notes || [];
      if (older) {
        const known = new Set(this.notes.map((n) => n.id));
        const fresh = list.filter((n) => !known.has(n.id));
        this.notes.push(...fresh);
        const items = fresh.map((n) => this.noteItem(n));
        this.noteList.append(...items);
        if (items.length) {
          announce(`${items.length} older note${items.length === 1 ? '' : 's'} shown.`);
          items[0].focus();
        }
      } else {
        // notes saved here while the list was loading are newer than any in the page
        const ids = new Set(list.map((n) => n.id));
        this.notes = [...this.notes.filter((n) => !ids.has(n.id)), ...list];
        replace(this.noteList, this.notes.map((n) => this.noteItem(n)));
      }
      this.hasMore = !!page.hasMore && list.length > 0;
      this.notesLoaded = true;
      this.renderNotesState();
    } catch (e) {
      if (this.disposed || (e && e.signedOut)) return;
      if (!this.notesLoaded) this.notesState.hidden = true;
      say(this.notesStatus, recordProblem(e, older ? 'older' : 'notes'));
      this.notesRetry.hidden = older;
    } finally {
      this.loadingNotes = false;
      this.olderButton.disabled = false;
    }
  }

  renderNotesState() {
    this.notesState.textContent = 'No notes yet.';
    this.notesState.hidden = this.notes.length > 0;
    this.olderButton.hidden = !this.hasMore;
  }

  noteItem(note) {
    return h('li', { class: 'record-note', tabIndex: -1, dataset: { noteId: note.id } },
      h('p', { class: 'note-meta' }, h('time', { dateTime: note.at, text: formatDateTime(note.at) })),
      note.text == null
        ? h('p', { class: 'note-text unreadable', text: UNREADABLE })
        : h('p', { class: 'note-text', text: note.text }));
  }
}

/** In an editor, Escape closes it and Enter (without Shift) in its text saves it. */
function editorKeys(form, input, close) {
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
}
