/**
 * JSONL input of `arbiter grade`: one group per line (SPEC §3 Group), streamed chunk by chunk so a file of
 * any size is never held in memory. Blank lines are skipped; a bad line becomes an entry that says why,
 * and the caller carries on.
 */
import type { Readable } from 'node:stream';
import { AppError, formatProblem } from '../core/errors.ts';
import { Group } from '../core/schemas/request.ts';
import { createValidator } from '../core/validate.ts';

/** One non-blank input line: a valid group (its id filled in), or the reason it is not one. */
export type InputEntry =
  | { readonly kind: 'group'; readonly lineNumber: number; readonly group: Group & { readonly id: string } }
  | { readonly kind: 'bad'; readonly lineNumber: number; readonly message: string };

const validateGroup = createValidator(Group, 'INPUT_LINE_INVALID');

/**
 * Parses one line (1-based `lineNumber`); null for a blank line. A group without an id gets `line-<N>`,
 * so `--resume` can recognise it in the output.
 * @example parseInputLine('{"task":{"type":"text","answer":"B"},"completions":["B"]}', 3) // group with id 'line-3'
 * @example parseInputLine('{"task":', 4) // { kind: 'bad', message: 'line 4: invalid JSON (…)' }
 */
export function parseInputLine(line: string, lineNumber: number): InputEntry | null {
  if (line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { kind: 'bad', lineNumber, message: `line ${lineNumber}: invalid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  try {
    const group = validateGroup(value);
    return { kind: 'group', lineNumber, group: { ...group, id: group.id ?? `line-${lineNumber}` } };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { kind: 'bad', lineNumber, message: `line ${lineNumber}: ${error.problems.map(formatProblem).join('; ')}` };
  }
}

/**
 * Streams the entries of a JSONL input, in order.
 * @example for await (const entry of readInputEntries(createReadStream('in.jsonl'))) …
 */
export async function* readInputEntries(input: Readable): AsyncGenerator<InputEntry> {
  let lineNumber = 0;
  for await (const line of splitLines(input)) {
    lineNumber++;
    const entry = parseInputLine(line, lineNumber);
    if (entry !== null) yield entry;
  }
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * The lines of a byte stream (LF or CRLF), decoded as UTF-8. Splits on bytes, which is several times
 * faster than readline on multi-megabyte JSONL and safe for UTF-8 (0x0a never occurs inside a sequence).
 * @example for await (const line of splitLines(createReadStream('in.jsonl'))) …
 */
export async function* splitLines(input: Readable): AsyncGenerator<string> {
  let carry: Buffer | null = null;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    let buffer: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (carry !== null) {
      buffer = Buffer.concat([carry, buffer]);
      carry = null;
    }
    let start = 0;
    for (let end = buffer.indexOf(NEWLINE); end !== -1; end = buffer.indexOf(NEWLINE, start)) {
      yield decodeLine(buffer, start, end);
      start = end + 1;
    }
    if (start < buffer.length) carry = buffer.subarray(start);
  }
  if (carry !== null) yield decodeLine(carry, 0, carry.length);
}

function decodeLine(buffer: Buffer, start: number, end: number): string {
  return buffer.toString('utf8', start, end > start && buffer[end - 1] === CARRIAGE_RETURN ? end - 1 : end);
}
