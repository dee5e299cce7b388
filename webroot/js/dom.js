// Small DOM helpers. User-supplied text only ever goes through textContent, never innerHTML.

/**
 * Creates an element. props: class, text, hidden, attrs ({name: value}), dataset, on ({event: fn}),
 * and any plain property (id, type, value, htmlFor, disabled, checked, ...).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false && key !== 'checked' && key !== 'disabled') continue;
    if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'attrs') for (const [n, v] of Object.entries(value)) { if (v !== undefined && v !== null && v !== false) el.setAttribute(n, v === true ? '' : String(v)); }
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'on') for (const [n, fn] of Object.entries(value)) el.addEventListener(n, fn);
    else el[key] = value;
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export function replace(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}

export function show(el, visible) {
  el.hidden = !visible;
}

let idCounter = 0;
/** A unique id for label/for and aria-describedby pairs. */
export function uid(prefix = 'ts') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A labelled form field: returns {wrap, input, error, hint}. */
export function field({ label, type = 'text', name, value = '', hint, required, autocomplete, multiline, rows,
  min, max, maxLength, options, inputmode, placeholder }) {
  const id = uid(name || 'f');
  let input;
  if (options) {
    input = h('select', { id, name }, options.map(([v, text]) => h('option', { value: v, text, selected: v === value })));
  } else if (multiline) {
    input = h('textarea', { id, name, rows: rows || 3, value });
  } else {
    input = h('input', { id, name, type, value });
  }
  if (required) input.required = true;
  if (autocomplete) input.setAttribute('autocomplete', autocomplete);
  if (min !== undefined) input.min = String(min);
  if (max !== undefined) input.max = String(max);
  if (maxLength) input.maxLength = maxLength;
  if (inputmode) input.setAttribute('inputmode', inputmode);
  if (placeholder) input.placeholder = placeholder;
  const describedBy = [];
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint`, text: hint }) : null;
  if (hintEl) describedBy.push(hintEl.id);
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  describedBy.push(error.id);
  input.setAttribute('aria-describedby', describedBy.join(' '));
  const wrap = h('div', { class: 'field' }, h('label', { htmlFor: id, text: label }), hintEl, input, error);
  return { wrap, input, error, hint: hintEl };
}

export function setFieldError(f, message) {
  if (message) {
    f.error.textContent = message;
    f.error.hidden = false;
    f.input.setAttribute('aria-invalid', 'true');
  } else {
    f.error.textContent = '';
    f.error.hidden = true;
    f.input.removeAttribute('aria-invalid');
  }
}

/** A form-level message area (role=alert for problems, role=status for good news). */
export function formMessage() {
  const el = h('p', { class: 'form-message', hidden: true, attrs: { role: 'status' } });
  return {
    el,
    error(text) { el.className = 'form-message problem'; el.textContent = text; el.hidden = false; },
    ok(text) { el.className = 'form-message good'; el.textContent = text; el.hidden = false; },
    clear() { el.hidden = true; el.textContent = ''; },
  };
}

// ---- screen reader announcements ----

/** Announces text through the page's aria-live regions (polite by default). */
export function announce(text, { assertive = false } = {}) {
  const region = document.getElementById(assertive ? 'live-assertive' : 'live-polite');
  if (!region || !text) return;
  const item = h('p', { text });
  region.append(item);
  while (region.childElementCount > 5) region.firstElementChild.remove();
  setTimeout(() => item.remove(), 15000);
}

// ---- time ----

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : timeFormat.format(d);
}

export function formatDateTime(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateTimeFormat.format(d);
}

export function formatDate(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : dateFormat.format(d);
}

/** 75 -> "1:15"; 3725 -> "1:02:05". */
export function formatClock(totalSeconds) {
  const s = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** 75 -> "1 minute 15 seconds", for screen readers and plain sentences. */
export function formatDurationWords(totalSeconds) {
  const s = Math.max(0, Math.round(totalSeconds));
  const minutes = Math.floor(s / 60);
  const seconds = s % 60;
  const parts = [];
  if (minutes) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  if (seconds || !minutes) parts.push(`${seconds} second${seconds === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** A random UUID, also outside secure contexts (where crypto.randomUUID is missing). */
export function uuid() {
  if (globalThis.crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A minimal event emitter. on() returns an unsubscribe function. */
export class Emitter {
  constructor() {
    this.listeners = new Map();
  }

  on(type, fn) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type).add(fn);
    return () => this.listeners.get(type)?.delete(fn);
  }

  emit(type, value) {
    for (const fn of [...(this.listeners.get(type) || [])]) {
      try {
        fn(value);
      } catch (e) {
        console.error(`listener for ${type} failed`, e);
      }
    }
  }
}
