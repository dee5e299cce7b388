// Crisis alerts for therapists and admins: the open escalations of their groups and channels.
// Loaded from the server on every page load and every reconnect, kept current by the inbox
// (`crisis`, `escalation-updated`). Nothing of it is ever written to storage.
import { Emitter } from './dom.js';

const SEVERITY_ORDER = { imminent: 3, high: 2, concern: 1 };

/** An inbox `crisis` event in the shape of an escalation from GET /api/escalations. */
export function fromCrisisEvent(event) {
  return {
    id: event.escalationId,
    groupId: event.groupId || null,
    groupName: event.groupName || null,
    channelId: event.channelId || null,
    memberId: event.memberId || null,
    pseudonym: event.pseudonym || null,
    clientName: (event.from && event.from.displayName) || event.clientName || null,
    seq: event.seq,
    category: event.category,
    severity: event.severity,
    status: 'open',
    shared: event.shared !== false,
    text: event.text,
    openedAt: event.openedAt || new Date().toISOString(),
  };
}

export class Alerts extends Emitter {
  constructor({ api, bus }) {
    super();
    this.api = api;
    this.bus = bus;
    /** id -> escalation, unresolved ones only */
    this.items = new Map();
    this.loading = null;
    this.closed = false;
    this.subs = [bus.on('open', () => this.load())];
  }

  close() {
    this.closed = true;
    this.subs.forEach((fn) => fn());
  }

  /** The unresolved escalations, newest first. */
  list() {
    return [...this.items.values()].sort((a, b) => String(b.openedAt).localeCompare(String(a.openedAt)));
  }

  /** Not yet acknowledged by anyone: these keep the banner up. */
  open() {
    return this.list().filter((e) => e.status === 'open');
  }

  forGroup(groupId) {
    return this.open().filter((e) => e.groupId === groupId);
  }

  /** Replaces what is known with the server's list; alerts that arrived meanwhile are kept. */
  load() {
    if (this.loading) return this.loading;
    const started = Date.now();
    this.loading = this.api.get('/api/escalations').then((reply) => {
      if (this.closed) return;
      const fresh = new Map();
      for (const e of reply.escalations || []) if (e && e.id && e.status !== 'resolved') fresh.set(e.id, e);
      for (const [id, e] of this.items) if (!fresh.has(id) && e.receivedAt && e.receivedAt >= started) fresh.set(id, e);
      this.items = fresh;
      this.emit('change', { added: null });
    }).catch(() => {}).finally(() => { this.loading = null; });
    return this.loading;
  }

  /** Inbox events routed here by the app. */
  receive(event) {
    if (!event || this.closed) return;
    if (event.type === 'crisis' && event.escalationId) {
      const known = this.items.get(event.escalationId);
      if (known && known.status !== 'open') return; // a reminder of one already seen
      const e = { ...fromCrisisEvent(event), receivedAt: Date.now() };
      this.items.set(e.id, e);
      this.emit('change', { added: known ? null : e, reminder: !!event.reminder });
    } else if (event.type === 'escalation-updated' && event.escalationId) {
      this.setStatus(event.escalationId, event.status);
    }
  }

  setStatus(id, status) {
    const e = this.items.get(id);
    if (!e) return;
    if (status === 'resolved') this.items.delete(id);
    else e.status = status;
    this.emit('change', { added: null });
  }

  async acknowledge(id) {
    const e = await this.api.post(`/api/escalations/${encodeURIComponent(id)}/acknowledge`, {});
    this.setStatus(id, (e && e.status) || 'acknowledged');
    return e;
  }

  async resolve(id, note) {
    const e = await this.api.post(`/api/escalations/${encodeURIComponent(id)}/resolve`, { note });
    this.setStatus(id, 'resolved');
    return e;
  }
}

// ---------------------------------------------------------------- words

export const SEVERITY_WORDS = {
  concern: 'Check in soon',
  high: 'Respond now',
  imminent: 'Respond immediately',
};

export function severityWords(severity) {
  return SEVERITY_WORDS[severity] || 'Check in soon';
}

export function moreUrgent(a, b) {
  return (SEVERITY_ORDER[a] || 0) >= (SEVERITY_ORDER[b] || 0) ? a : b;
}

/** "River in Thursday Evening Circle" / "in a private conversation with Alex". */
export function whoAndWhere(e, groupName) {
  if (e.channelId) return `in a private conversation with ${e.clientName || 'a client'}`;
  const group = e.groupName || (groupName && groupName(e.groupId)) || 'one of your groups';
  return `${e.pseudonym || 'A client'} in ${group}`;
}

/** The message in its conversation. */
export function contextLink(e) {
  const seq = Number.isFinite(e.seq) ? `?seq=${e.seq}` : '';
  if (e.channelId) return `#/channels/${encodeURIComponent(e.channelId)}${seq}`;
  if (e.groupId) return `#/groups/${encodeURIComponent(e.groupId)}${seq}`;
  return '#/escalations';
}
