// The operator API, as the console calls it: every request carries the bearer token, and every failure becomes
// an ApiError whose message is a sentence an agent can act on, never a raw status or stack.

const TOKEN_KEY = 'taskrouter-console.operator-token';

/** The token lives in this tab's sessionStorage only: closing the tab or signing out forgets it. */
export const tokenStore = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export class ApiError extends Error {
  /** @param {number} status HTTP status, 0 when the service could not be reached */
  constructor(status, message) {
    super(message);
    this.status = status;
  }

  get refusedToken() {
    return this.status === 401;
  }

  /** TaskRouter says the thing asked about is no longer in a state that allows it (a race). */
  get tooLate() {
    return this.status === 409 || this.status === 400 || this.status === 404;
  }
}

function describe(status, serverMessage) {
  switch (status) {
    case 401:
      return 'The operator token was refused. Check OPERATOR_TOKEN and sign in again.';
    case 429:
      return 'TaskRouter asks us to slow down; nothing was changed. Try again in a few seconds.';
    case 502:
    case 503:
    case 504:
      return `TaskRouter is unreachable right now; nothing was changed. ${serverMessage || ''}`.trim();
    default:
      return serverMessage || `The service answered HTTP ${status}.`;
  }
}

/**
 * Calls the operator API. Resolves with the parsed JSON body (or null for an empty one), rejects with ApiError.
 * @param {string} path e.g. '/api/workers'
 * @param {{method?: string, body?: unknown, token?: string, signal?: AbortSignal}} options
 */
export async function call(path, { method = 'GET', body, token = tokenStore.get(), signal } = {}) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${token}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, signal, cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (failure) {
    if (failure.name === 'AbortError') {
      throw failure;
    }
    throw new ApiError(0, 'The service cannot be reached. Is it running? The console retries by itself.');
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, describe(response.status, json && json.error));
  }
  return json;
}

export const api = {
  /** The cheapest call that proves a token: the feed is this service's own, TaskRouter is not asked. */
  checkToken: (token) => call('/api/events?limit=1', { token }),
  reservations: (status) => call(`/api/reservations?status=${encodeURIComponent(status)}`),
  tasks: (statuses) => call(`/api/tasks?assignmentStatus=${statuses.map(encodeURIComponent).join(',')}`),
  task: (sid) => call(`/api/tasks/${encodeURIComponent(sid)}`),
  workers: () => call('/api/workers'),
  activities: () => call('/api/activities'),
  workflows: () => call('/api/workflows'),
  queues: () => call('/api/queues'),
  createTask: (attributes, priority, timeout) => call('/api/tasks', {
    method: 'POST', body: { attributes, priority, timeout },
  }),
  accept: (taskSid, reservationSid) => call(
    `/api/tasks/${encodeURIComponent(taskSid)}/reservations/${encodeURIComponent(reservationSid)}/accept`,
    { method: 'POST' }),
  reject: (taskSid, reservationSid, activitySid) => call(
    `/api/tasks/${encodeURIComponent(taskSid)}/reservations/${encodeURIComponent(reservationSid)}/reject`,
    { method: 'POST', body: activitySid ? { activitySid } : undefined }),
  wrapUp: (taskSid) => call(`/api/tasks/${encodeURIComponent(taskSid)}/wrapup`, { method: 'POST' }),
  complete: (taskSid, reason, activitySid) => call(`/api/tasks/${encodeURIComponent(taskSid)}/complete`, {
    method: 'POST', body: { reason: reason || null, activitySid: activitySid || null },
  }),
  cancel: (taskSid, reason) => call(`/api/tasks/${encodeURIComponent(taskSid)}/cancel`, {
    method: 'POST', body: { reason: reason || null },
  }),
  moveWorker: (workerSid, activitySid) => call(`/api/workers/${encodeURIComponent(workerSid)}/activity`, {
    method: 'PUT', body: { activitySid },
  }),
};
