// Reads GET /api/events/stream with fetch, because EventSource cannot send the Authorization header and the
// token must never go into a URL. Parses server-sent events, reconnects with Last-Event-ID, and tells the page
// when it is (re)connected so that it can reconcile with TaskRouter.

const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 15000;

/**
 * @param {{token: () => string, onEvent: (event: object) => void, onOpen: (reconnected: boolean) => void,
 *          onDown: (why: string, refused: boolean) => void}} handlers
 * @returns {{close: () => void}}
 */
export function followEvents({ token, onEvent, onOpen, onDown }) {
  let lastEventId = null;
  let closed = false;
  let retryMs = RETRY_FIRST_MS;
  let everOpen = false;
  let controller = null;
  let retryTimer = null;
  let retryAfterEnd = false;

  async function connect() {
    controller = new AbortController();
    const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${token()}` };
    if (lastEventId !== null) {
      headers['Last-Event-ID'] = lastEventId;
    }
    try {
      const response = await fetch('/api/events/stream', { headers, signal: controller.signal, cache: 'no-store' });
      if (response.status === 401) {
        onDown('The operator token was refused. Sign in again.', true);
        return;
      }
      if (!response.ok || !response.body) {
        throw new Error(`HTTP ${response.status}`);
      }
      onOpen(everOpen);
      everOpen = true;
      retryMs = RETRY_FIRST_MS;
      retryAfterEnd = false;
      await read(response.body.getReader());
      if (!closed) {
        throw new Error(retryAfterEnd ? 'this replica is stopping' : 'the stream ended');
      }
    } catch (failure) {
      if (closed) {
        return;
      }
      onDown(`Live updates interrupted (${failure.message || failure}); reconnecting in ${Math.round(retryMs / 1000)} s.`, false);
      retryTimer = setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    }
  }

  async function read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    let id = null;
    let data = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (data.length > 0) {
            if (id !== null) {
              lastEventId = id;
            }
            dispatch(data.join('\n'));
          }
          id = null;
          data = [];
        } else if (line.startsWith(':')) {
          // a comment: the connection greeting or a heartbeat
        } else {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let value = colon < 0 ? '' : line.slice(colon + 1);
          if (value.startsWith(' ')) {
            value = value.slice(1);
          }
          if (field === 'id') {
            id = value;
          } else if (field === 'data') {
            data.push(value);
          } else if (field === 'retry' && /^[0-9]+$/.test(value)) {
            // a replica that stops says how long to wait: by then another one answers
            retryMs = Math.min(Number(value), RETRY_MAX_MS);
            retryAfterEnd = true;
          }
        }
      }
    }
  }

  function dispatch(text) {
    try {
      onEvent(JSON.parse(text));
    } catch (failure) {
      console.warn('Skipped an event the console could not read', failure);
    }
  }

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      if (controller) {
        controller.abort();
      }
    },
  };
}
