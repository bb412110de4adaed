// The service's HTTP API as the dashboard uses it: the token from sign-in on every request,
// errors as ApiError with the service's own detail, and server-sent events read with fetch
// (EventSource cannot send an Authorization header).

const TOKEN_KEY = 'mission-control.token';

export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  signIn(token) { sessionStorage.setItem(TOKEN_KEY, token); },
  signOut() { sessionStorage.removeItem(TOKEN_KEY); },
};

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// The service's errors are {"detail": "..."} or, for invalid input, {"detail": [{loc, msg}]}.
function describe(detail) {
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    return detail.map(item => {
      const where = (item.loc ?? []).filter(part => part !== 'body').join('.');
      return where ? `${where}: ${item.msg}` : item.msg;
    }).join('; ');
  }
  return null;
}

function headers(extra = {}) {
  return { Authorization: `Bearer ${session.token}`, ...extra };
}

async function send(method, path, body, extraHeaders = {}, signal = undefined) {
  const init = { method, headers: headers(extraHeaders), signal };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, 'The service cannot be reached.');
  }
  if (!response.ok) {
    let detail = null;
    try { detail = describe((await response.json()).detail); } catch { /* not the service's error body */ }
    throw new ApiError(response.status, detail ?? `${response.status} ${response.statusText}`);
  }
  return response;
}

async function json(method, path, body) {
  const response = await send(method, path, body);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const api = {
  get: path => json('GET', path),
  post: (path, body = {}) => json('POST', path, body),
  patch: (path, body = {}) => json('PATCH', path, body),
  delete: path => json('DELETE', path),
};

/** Every item of a paged list, 200 at a time. */
export async function listAll(path) {
  const items = [];
  const separator = path.includes('?') ? '&' : '?';
  for (;;) {
    const page = await api.get(`${path}${separator}limit=200&offset=${items.length}`);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

/**
 * Reads a server-sent event stream, calling onEvent(name, data) for each frame, until the
 * stream ends or the signal aborts it.
 */
export async function stream(method, path, onEvent, signal) {
  const response = await send(method, path, undefined, { Accept: 'text/event-stream' }, signal);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = /\r?\n\r?\n/.exec(buffer)) !== null) {
      dispatch(buffer.slice(0, end.index), onEvent);
      buffer = buffer.slice(end.index + end[0].length);
    }
  }
}

function dispatch(frame, onEvent) {
  let name = 'message';
  const data = [];
  for (const line of frame.split(/\r?\n/)) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (data.length > 0) onEvent(name, JSON.parse(data.join('\n')));
}
