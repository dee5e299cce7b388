// TalkingStick web client: start-up, routing, the header, the connection banner and the inbox.
import { Alerts } from './alerts.js';
import { Api } from './api.js';
import { Auth } from './auth.js';
import { EventBus } from './bus.js';
import { announce, h, replace } from './dom.js';
import { Inbox } from './inbox.js';
import { AlertBanner } from './views/alert-banner.js';
import { signIn, signUp } from './views/auth.js';
import { channelView } from './views/channel.js';
import { clientView } from './views/client.js';
import { escalationsView } from './views/escalations.js';
import { home } from './views/home.js';
import { roomView } from './views/room.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const banner = document.getElementById('connection');
const notices = document.getElementById('notices');
const alertsBox = document.getElementById('alerts');

const auth = new Auth();
const api = new Api(auth);
const bus = new EventBus({
  ticket: async () => (await api.wsTicket()).ticket,
});

const app = {
  auth,
  api,
  bus,
  me: null,
  inbox: null,
  /** Crisis alerts, for therapists and admins only. */
  alerts: null,
  alertBanner: null,
  /** Support cards already shown, by conversation and seq (kept in memory only). */
  supportSeen: new Set(),
  /** The open room or channel page's support slot, if any: (event) => handled. */
  supportHere: null,
  groupNames: new Map(),
  unread: new Map(),
  cleanup: null,
  signOutNotice: null,

  navigate(hash) {
    if (location.hash === hash) route();
    else location.hash = hash;
  },

  async signedIn() {
    this.me = await api.me();
    this.rememberGroups(this.me.groups || []);
    for (const c of this.me.channels || []) if (c && c.id && c.unread > 0) this.unread.set(c.id, c.unread);
    bus.start();
    this.inbox = new Inbox({
      bus,
      accountId: this.me.id,
      container: notices,
      groupName: (id) => this.groupNames.get(id) || 'a group',
      onRemoved: (groupId) => {
        if (location.hash.startsWith(`#/groups/${groupId}`)) this.navigate('#/');
      },
      onChannelInvite: (event) => this.channelInvite(event),
      onUnread: (event) => this.setUnread(event.channelId, event.count),
      onAlert: (event) => this.alerts && this.alerts.receive(event),
      onCrisisResources: (event) => !!this.supportHere && this.supportHere(event),
    });
    if (this.me.role === 'therapist' || this.me.role === 'admin') this.startAlerts();
    renderNav();
    const target = location.hash && !/^#\/(signin|signup)/.test(location.hash) ? location.hash : '#/';
    this.navigate(target);
  },

  startAlerts() {
    this.alerts = new Alerts({ api, bus });
    this.alertBanner = new AlertBanner({
      container: alertsBox, alerts: this.alerts, groupName: (id) => this.groupNames.get(id), therapist: this.me.role === 'therapist',
    });
    this.alerts.on('change', () => renderNav());
    this.alerts.load();
  },

  stopAlerts() {
    if (this.alertBanner) this.alertBanner.close();
    if (this.alerts) this.alerts.close();
    this.alerts = null;
    this.alertBanner = null;
  },

  /** A room or channel page shows crisis support beside its composer; returns the undo. */
  showSupportHere(handler) {
    this.supportHere = handler;
    return () => { if (this.supportHere === handler) this.supportHere = null; };
  },

  rememberGroups(groups) {
    for (const g of groups || []) if (g && g.id && g.name) this.groupNames.set(g.id, g.name);
  },

  channelTitle(channel) {
    const other = this.me && this.me.role === 'therapist' ? channel.client : channel.therapist;
    if (other && other.displayName) return `With ${other.displayName}`;
    return this.me && this.me.role === 'client' ? 'With your therapist' : 'With a client';
  },

  channelInvite(event) {
    if (!this.inbox) return;
    this.inbox.notice({
      kind: 'gentle',
      title: 'A private conversation',
      body: [`${event.from && event.from.displayName ? event.from.displayName : 'Your therapist'} would like to talk with you privately. Only the two of you can read this conversation.`],
      actions: [h('a', { class: 'button-link', href: `#/channels/${event.channelId}`, text: 'Open the conversation' })],
    });
  },

  setUnread(channelId, count) {
    if (count > 0) this.unread.set(channelId, count);
    else this.unread.delete(channelId);
    renderNav();
  },
};

// ---------------------------------------------------------------- signing out

function signedOut(reason) {
  bus.stop();
  if (app.inbox) app.inbox.close();
  app.inbox = null;
  app.stopAlerts();
  app.supportSeen.clear();
  app.me = null;
  app.unread.clear();
  replace(notices);
  app.signOutNotice = reason === 'logout' ? 'You have signed out. Take care.'
    : reason === 'elsewhere' ? 'You were signed out, perhaps from another window or device. Please sign in again.'
      : 'Your session has ended. Please sign in again.';
  renderNav();
  app.navigate('#/signin');
}

auth.on('signed-out', signedOut);
bus.on('signed-out', () => auth.signedOut('elsewhere'));

// ---------------------------------------------------------------- the connection banner

let everOpen = false;
let bannerTimer = null;
let lastClose = 0;
bus.on('closed', (code) => { lastClose = code; });
bus.on('status', (state) => {
  clearTimeout(bannerTimer);
  if (state === 'open') {
    if (!banner.hidden) announce('You are back online.');
    banner.hidden = true;
    everOpen = true;
    return;
  }
  if (!everOpen || state === 'idle') {
    banner.hidden = true;
    return;
  }
  // A socket closed because its token expired reconnects at once: only show the banner if that takes a moment.
  const delay = state === 'reconnecting' && lastClose === 4401 && banner.hidden ? 1500 : 0;
  bannerTimer = setTimeout(() => { banner.hidden = false; }, delay);
});

// ---------------------------------------------------------------- header

function renderNav() {
  if (!app.me) {
    replace(nav);
    return;
  }
  const unread = [...app.unread.values()].reduce((a, b) => a + b, 0);
  const openAlerts = app.alerts ? app.alerts.open().length : 0;
  const signOut = h('button', { type: 'button', class: 'button-quiet', text: 'Sign out' });
  signOut.addEventListener('click', () => auth.logout());
  replace(nav,
    h('ul', {},
      h('li', {}, h('a', { href: '#/', text: app.me.role === 'client' ? 'My groups' : 'Groups' },
        unread ? h('span', { class: 'badge', text: `${unread} new` }) : null)),
      app.alerts ? h('li', {}, h('a', { href: '#/escalations', text: 'Crisis alerts' },
        openAlerts ? h('span', { class: 'badge badge-alert', text: `${openAlerts} open` }) : null)) : null,
      h('li', { class: 'who', text: app.me.displayName }),
      h('li', {}, signOut)));
}

// ---------------------------------------------------------------- routing

function parse(hash) {
  const [path, queryString] = (hash || '#/').replace(/^#/, '').split('?');
  const query = new URLSearchParams(queryString || '');
  const parts = path.split('/').filter(Boolean);
  return { parts, query };
}

/** ?seq=N: the message a link points at. */
function seqOf(query) {
  const n = Number(query.get('seq'));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function route() {
  if (app.cleanup) {
    try {
      app.cleanup();
    } catch (e) {
      console.error(e);
    }
    app.cleanup = null;
  }
  replace(main);
  const { parts, query } = parse(location.hash);
  const signedIn = !!app.me;
  let cleanup = null;
  if (parts[0] === 'signup' && !signedIn) {
    document.title = 'Create an account · TalkingStick';
    signUp(main, app);
  } else if (!signedIn) {
    document.title = 'Sign in · TalkingStick';
    const notice = app.signOutNotice;
    app.signOutNotice = null;
    signIn(main, app, { notice });
  } else if (parts[0] === 'groups' && parts[1]) {
    document.title = 'Group room · TalkingStick';
    cleanup = roomView(main, app, { groupId: parts[1], welcome: query.get('welcome') === '1', seq: seqOf(query) });
  } else if (parts[0] === 'clients' && parts[1]) {
    document.title = 'Goals and notes · TalkingStick';
    cleanup = clientView(main, app, { clientId: parts[1] });
  } else if (parts[0] === 'channels' && parts[1]) {
    document.title = 'Private conversation · TalkingStick';
    cleanup = channelView(main, app, { channelId: parts[1], seq: seqOf(query) });
  } else if (parts[0] === 'escalations' && app.alerts) {
    document.title = 'Crisis alerts · TalkingStick';
    cleanup = escalationsView(main, app);
  } else {
    document.title = 'TalkingStick';
    home(main, app);
  }
  app.cleanup = cleanup;
  if (app.alertBanner) app.alertBanner.refresh();
  if (app.alerts) app.alerts.load();
  const heading = main.querySelector('h1');
  if (heading && !main.contains(document.activeElement)) heading.focus();
}

window.addEventListener('hashchange', route);

// ---------------------------------------------------------------- start

if (new URLSearchParams(location.search).get('test') === '1') {
  // Hooks for the end-to-end tests only.
  window.__tsBus = bus;
  window.__tsApp = app;
}

(async () => {
  let restored = false;
  try {
    restored = await auth.restore();
    if (restored) await app.signedIn();
  } catch (e) {
    restored = false;
  }
  if (!restored) route();
  document.body.dataset.ready = 'true';
})();
