/**
 * Server-Sent Events parsing (the `text/event-stream` format of the WHATWG HTML standard), independent
 * of the transport: text chunks in, events out. Used for `GET /v1/jobs/:id/events`.
 */

/** One event: `event` (`group` or `done` on job streams), the raw `data` text, the last `id` seen. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
  readonly id: string | null;
}

/**
 * Yields the events of a stream given its text in chunks of any size (lines may be split across
 * chunks; LF, CRLF and CR end lines). Comments (`: heartbeat`) are skipped; multi-line `data` is joined
 * with newlines; an event is dispatched at a blank line, and one left unterminated at the end of the
 * stream is dropped, as browsers do: it may be truncated.
 * @example for await (const e of parseSse(textChunks)) if (e.event === 'group') use(JSON.parse(e.data))
 */
export async function* parseSse(chunks: AsyncIterable<string>): AsyncGenerator<ServerSentEvent> {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let lastId: string | null = null;
  let pendingCr = false;

  function* take(line: string): Generator<ServerSentEvent> {
    if (line === '') {
      if (data.length > 0) yield { event: event === '' ? 'message' : event, data: data.join('\n'), id: lastId };
      event = '';
      data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) lastId = value;
  }

  for await (const chunk of chunks) {
    let text = chunk;
    // A CR at the end of the previous chunk already ended its line; an LF right after it belongs to it.
    if (pendingCr && text.startsWith('\n')) text = text.slice(1);
    pendingCr = false;
    buffer += text;
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i);
      if (c !== 0x0a && c !== 0x0d) continue;
      yield* take(buffer.slice(start, i));
      if (c === 0x0d) {
        if (i + 1 === buffer.length) pendingCr = true;
        else if (buffer.charCodeAt(i + 1) === 0x0a) i++;
      }
      start = i + 1;
    }
    buffer = buffer.slice(start);
  }
}
