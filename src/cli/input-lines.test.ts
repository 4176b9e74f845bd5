import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { parseInputLine, readInputEntries, splitLines } from './input-lines.ts';

const task = { type: 'text', answer: 'B' };

describe('input lines', () => {
  it('gives a group without an id the id line-<N>', () => {
    const entry = parseInputLine(JSON.stringify({ task, completions: ['B'] }), 12);
    expect(entry).toMatchObject({ kind: 'group', lineNumber: 12, group: { id: 'line-12' } });
  });

  it('keeps the id a group has', () => {
    expect(parseInputLine(JSON.stringify({ id: 'q1', task, completions: ['B'] }), 1)).toMatchObject({ group: { id: 'q1' } });
  });

  it('reports invalid JSON and schema problems with the line number and the field path', () => {
    expect(parseInputLine('{"task":', 3)).toMatchObject({ kind: 'bad', message: expect.stringMatching(/^line 3: invalid JSON \(/) });
    expect(parseInputLine(JSON.stringify({ task, completions: [1] }), 17)).toEqual({
      kind: 'bad',
      lineNumber: 17,
      message: 'line 17: completions[0]: expected string or object',
    });
    expect(parseInputLine(JSON.stringify({ completions: ['B'], extra: 1 }), 2)).toEqual({
      kind: 'bad',
      lineNumber: 2,
      message: 'line 2: task: required; extra: unknown field',
    });
  });

  it('streams entries in order, skipping blank lines but counting them', async () => {
    const text = `${JSON.stringify({ task, completions: ['B'] })}\n\n   \nnot json\r\n${JSON.stringify({ id: 'x', task, completions: ['A'] })}`;
    const entries = [];
    for await (const entry of readInputEntries(Readable.from([text]))) entries.push([entry.kind, entry.lineNumber]);
    expect(entries).toEqual([
      ['group', 1],
      ['bad', 4],
      ['group', 5],
    ]);
  });
});

describe('splitLines', () => {
  it('splits LF and CRLF lines across chunk boundaries, keeps multi-byte characters whole, and yields a last line without newline', async () => {
    const bytes = Buffer.from('{"a":"é"}\r\n\n{"b":"中文"}\nlast');
    const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1)); // one byte per chunk
    const lines: string[] = [];
    for await (const line of splitLines(Readable.from(chunks))) lines.push(line);
    expect(lines).toEqual(['{"a":"é"}', '', '{"b":"中文"}', 'last']);
  });
});
