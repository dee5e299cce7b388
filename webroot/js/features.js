// Which optional parts of the server are served yet. A part whose API answers 404 stays hidden,
// so nobody sees a panel that cannot work. Results are cached for the page's lifetime.
const cache = new Map();

async function probe(name, fn) {
  if (!cache.has(name)) {
    cache.set(name, fn().then(() => true, (e) => !(e && e.status === 404)));
  }
  return cache.get(name);
}

/** Private channels: GET /api/channels. */
export function channelsServed(api) {
  return probe('channels', () => api.channels());
}

/** Care relationships: GET /api/clients (403 for clients means served; 404 means not yet). */
export function careServed(api) {
  return probe('care', () => api.clients());
}

/** The moderation log of one group: GET /api/groups/{id}/audit (a 404 means "not served" or "not yours"). */
export function auditServed(api, groupId) {
  return api.audit(groupId, { limit: 1 }).then(() => true, (e) => !(e && e.status === 404));
}

/**
 * Whether the room understands a moderation action (warn, mute, unmute, redact, approve, reject).
 * Asked with the action's type and no fields, which the server refuses without changing anything:
 * "Unknown action type" means the action is not served yet; a complaint about a missing field
 * means it is.
 */
export async function roomActionServed(room, type) {
  const key = `action:${room.groupId}:${type}`;
  if (cache.has(key)) return cache.get(key);
  const answer = room.act({ type }).then(
    () => true,
    (e) => !(e && e.code === 'INVALID' && /unknown action/i.test(e.message || '')),
  );
  cache.set(key, answer);
  answer.then((served) => {
    if (!served) setTimeout(() => cache.delete(key), 60_000);
  });
  return answer;
}
