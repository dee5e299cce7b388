// What makes a crisis alert hard to miss outside the page itself: the tab's title, a short tone
// (Web Audio, no audio file) and a desktop notification where the therapist has allowed them.
const PREFIX = '⚠ Alert — ';

/** Adds or removes the alert prefix of the tab's title (the rest of the title is left as it is). */
export function markTitle(active) {
  const base = document.title.startsWith(PREFIX) ? document.title.slice(PREFIX.length) : document.title;
  const wanted = active ? PREFIX + base : base;
  if (document.title !== wanted) document.title = wanted;
}

let audio = null;

/** Two soft beeps. Browsers may refuse sound before any click or key press: then nothing happens. */
export function tone() {
  try {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    audio = audio || new Context();
    if (audio.state === 'suspended') audio.resume().catch(() => {});
    const start = audio.currentTime + 0.02;
    [0, 0.3].forEach((offset) => {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.22);
      osc.connect(gain).connect(audio.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.25);
    });
  } catch (e) {
    // no sound: the banner and the title still show the alert
  }
}

export function notificationsSupported() {
  return typeof window.Notification === 'function';
}

/** 'granted', 'denied', 'default', or 'unsupported'. */
export function notificationPermission() {
  return notificationsSupported() ? Notification.permission : 'unsupported';
}

/** Asks for permission; only ever called from the therapist's own click. */
export async function askNotificationPermission() {
  if (!notificationsSupported()) return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch (e) {
    return Notification.permission;
  }
}

/** A desktop notification, only where permission was already given. No message text in it. */
export function notify({ title, body, tag, href }) {
  if (notificationPermission() !== 'granted') return;
  try {
    const n = new Notification(title, { body, tag, requireInteraction: true });
    n.onclick = () => {
      window.focus();
      if (href) location.hash = href;
      n.close();
    };
  } catch (e) {
    // some browsers only allow notifications from a service worker: the banner is enough
  }
}
