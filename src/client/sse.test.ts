import { describe, expect, it } from 'vitest';
import { parseSse, type ServerSentEvent } from './sse.ts';

async function parse(chunks: readonly string[]): Promise<ServerSentEvent[]> {
  async function* source() {
    yield* chunks;
  }
  const events: ServerSentEvent[] = [];
  for await (const event of parseSse(source())) events.push(event);
  return events;
}

describe('parseSse', () => {
  it('reads events with ids, skips comments, joins multi-line data', async () => {
    expect(await parse([': stream open\n\nid: 1\nevent: group\ndata: {"index":0}\n\n: heartbeat\n\nid: 2\nevent: done\ndata: a\ndata: b\n\n'])).toEqual([
      { event: 'group', data: '{"index":0}', id: '1' },
      { event: 'done', data: 'a\nb', id: '2' },
    ]);
  });

  it('reassembles lines split across chunks, with LF, CRLF or CR endings (a CRLF split between chunks too)', async () => {
    const text = 'id: 7\r\nevent: group\r\ndata: x\r\n\r\nevent: done\rdata: y\r\r';
    const whole = await parse([text]);
    expect(whole).toEqual([
      { event: 'group', data: 'x', id: '7' },
      { event: 'done', data: 'y', id: '7' },
    ]);
    expect(await parse(text.split(''))).toEqual(whole);
    expect(await parse(['id: 7\r', '\nevent: group\r', '\ndata: x\r', '\n\r', '\nevent: done\rdata: y\r\r'])).toEqual(whole);
  });

  it('drops an event cut off by the end of the stream, and one without data', async () => {
    expect(await parse(['event: done\n\nid: 3\nevent: group\ndata: {"ind'])).toEqual([]);
  });

  it('takes a field without a colon as empty, a missing event name as "message", and keeps the value after one space only', async () => {
    expect(await parse(['data\n\ndata:  two spaces\n\n'])).toEqual([
      { event: 'message', data: '', id: null },
      { event: 'message', data: ' two spaces', id: null },
    ]);
  });
});
