/**
 * JSONL input of `arbiter grade`: one group per line (SPEC §3 Group), streamed with readline so a file of
 * any size is never held in memory. Blank lines are skipped; a bad line becomes an entry that says why,
 * and the caller carries on.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { AppError, formatProblem } from '../core/errors.ts';
import { Group } from '../core/schemas/request.ts';
import { createValidator } from '../core/validate.ts';

/** One non-blank input line: a valid group (its id filled in), or the reason it is not one. */
export type InputEntry =
  | { readonly kind: 'group'; readonly lineNumber: number; readonly group: Group & { readonly id: string } }
  | { readonly kind: 'bad'; readonly lineNumber: number; readonly message: string };

const validateGroup = createValidator(Group, 'INPUT_LINE_INVALID', 'groups');

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
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    const entry = parseInputLine(line, lineNumber);
    if (entry !== null) yield entry;
  }
}
