// HTTP API client. Every error becomes an ApiError carrying the server's {code, message}.

export class ApiError extends Error {
  constructor(status, code, message, retryAfter) {
    super(message || code);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

/** One HTTP request with JSON in and out. Network failures are ApiError(0, 'NETWORK'). */
export async function http(method, path, { body, token } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', 'The server could not be reached.');
  }
  if (response.status === 204) return null;
  let json = null;
  const text = await response.text();
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
  }
  if (!response.ok) {
    const error = json && json.error ? json.error : {};
    const retryAfter = error.retryAfter ?? (Number(response.headers.get('Retry-After')) || undefined);
    throw new ApiError(response.status, error.code || `HTTP_${response.status}`, error.message || '', retryAfter);
  }
  return json;
}

const enc = encodeURIComponent;

function query(params) {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${enc(k)}=${enc(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The signed-in API: adds the access token, refreshes it once on a 401 and retries. */
export class Api {
  constructor(auth) {
    this.auth = auth;
  }

  async call(method, path, body) {
    await this.auth.ensureFresh();
    try {
      return await http(method, path, { body, token: this.auth.accessToken });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401 && e.code === 'UNAUTHORIZED') {
        await this.auth.refresh();
        return http(method, path, { body, token: this.auth.accessToken });
      }
      throw e;
    }
  }

  get(path) { return this.call('GET', path); }
  post(path, body) { return this.call('POST', path, body); }
  put(path, body) { return this.call('PUT', path, body); }
  patch(path, body) { return this.call('PATCH', path, body); }
  del(path, body) { return this.call('DELETE', path, body); }

  // ---- account ----
  me() { return this.get('/api/me'); }
  wsTicket() { return this.post('/api/auth/ws-ticket'); }

  // ---- groups ----
  groups() { return this.get('/api/groups').then((r) => r.groups || []); }
  group(id) { return this.get(`/api/groups/${enc(id)}`); }
  createGroup(body) { return this.post('/api/groups', body); }
  createInvite(id, body = {}) { return this.post(`/api/groups/${enc(id)}/invites`, body); }
  invites(id) { return this.get(`/api/groups/${enc(id)}/invites`).then((r) => r.invites || []); }
  revokeInvite(id, code) { return this.del(`/api/groups/${enc(id)}/invites/${enc(code)}`); }
  join(code, pseudonym, agreementAccepted) {
    return this.post('/api/groups/join', { code, pseudonym, agreementAccepted });
  }
  agreement(id) { return this.get(`/api/groups/${enc(id)}/agreement`); }
  acceptAgreement(id, version) { return this.post(`/api/groups/${enc(id)}/agreement/accept`, { version }); }
  leave(id) { return this.post(`/api/groups/${enc(id)}/leave`); }
  removeMember(id, memberId, reason) {
    return this.del(`/api/groups/${enc(id)}/members/${enc(memberId)}`, reason ? { reason } : undefined);
  }
  messages(id, { after, before, limit } = {}) {
    return this.get(`/api/groups/${enc(id)}/messages${query({ after, before, limit })}`);
  }
  audit(id, { after, limit } = {}) {
    return this.get(`/api/groups/${enc(id)}/audit${query({ after, limit })}`);
  }

  // ---- private channels and care relationships (hidden in the UI wherever the server answers 404) ----
  channels() { return this.get('/api/channels').then((r) => r.channels || []); }
  channel(id) { return this.get(`/api/channels/${enc(id)}`); }
  openChannel(clientId) { return this.post('/api/channels', { clientId }); }
  channelMessages(id, { after, before, limit } = {}) {
    return this.get(`/api/channels/${enc(id)}/messages${query({ after, before, limit })}`);
  }
  markChannelRead(id, seq) { return this.post(`/api/channels/${enc(id)}/read`, { seq }); }
  clients() { return this.get('/api/clients').then((r) => r.clients || []); }
  createClientInvite(expiresInHours) { return this.post('/api/clients/invites', { expiresInHours }); }
  joinTherapist(code) { return this.post('/api/clients/join', { code }); }

  // ---- a therapist's goals and private notes for one client (only that therapist may read them) ----
  goals(clientId) { return this.get(`/api/clients/${enc(clientId)}/goals`).then((r) => r.goals || []); }
  addGoal(clientId, text) { return this.post(`/api/clients/${enc(clientId)}/goals`, { text }); }
  /** change: {text?, status?}, at least one. */
  changeGoal(clientId, goalId, change) { return this.patch(`/api/clients/${enc(clientId)}/goals/${enc(goalId)}`, change); }
  /** {notes: [{id, text, at}], hasMore}, newest first; before: the id of the oldest note already shown. */
  notes(clientId, { before, limit } = {}) {
    return this.get(`/api/clients/${enc(clientId)}/notes${query({ before, limit })}`);
  }
  addNote(clientId, text) { return this.post(`/api/clients/${enc(clientId)}/notes`, { text }); }
}
