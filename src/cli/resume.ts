/**
 * `--resume`: what an earlier run already wrote. The output file is cut back to its last complete line
 * (a crash mid-write leaves a partial one), then read once: for each id, the summary tally and the
 * correct completions of its results, so the summary and the `--keep-correct` file of a resumed run
 * cover the whole output exactly as an uninterrupted run would.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { AppError, formatProblem } from '../core/errors.ts';
import { GroupResult } from '../core/schemas/result.ts';
import { createValidator } from '../core/validate.ts';
import { CliError } from './cli-error.ts';
import { correctCompletions, type KeptCompletion } from './keep-correct.ts';
import { tallyGroup, type GroupTally } from './summary.ts';

/** One group found in the existing output. */
export interface ResumedGroup {
  readonly tally: GroupTally;
  readonly kept: readonly KeptCompletion[];
}

/** Groups already in the output, by id; a list per id, as an input may repeat an id. */
export type ResumeState = Map<string, ResumedGroup[]>;

const validateResult = createValidator(GroupResult, 'INPUT_LINE_INVALID');

/**
 * Truncates a file after its last newline; returns the bytes removed (0 when it ends with a newline).
 * @example await truncatePartialLastLine('out.jsonl') // 17: a crash had left 17 bytes of a line
 */
export async function truncatePartialLastLine(path: string): Promise<number> {
  const handle = await open(path, 'r+');
  try {
    const { size } = await handle.stat();
    const chunk = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const newline = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (newline !== -1) {
        const keep = start + newline + 1;
        if (keep < size) await handle.truncate(keep);
        return size - keep;
      }
      end = start;
    }
    if (size > 0) await handle.truncate(0);
    return size;
  } finally {
    await handle.close();
  }
}

/**
 * Prepares an output file for appending and returns what it holds; a missing file is an empty state.
 * Throws CliError when a complete line is not a group result (not our file, or edited by hand).
 * @example const state = await loadResumeState('out.jsonl'); state.get('q1')?.length // 1
 */
export async function loadResumeState(path: string): Promise<{ state: ResumeState; droppedBytes: number }> {
  let droppedBytes: number;
  try {
    droppedBytes = await truncatePartialLastLine(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: new Map(), droppedBytes: 0 };
    throw error;
  }
  const state: ResumeState = new Map();
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new CliError(`cannot resume: ${path} line ${lineNumber} is not valid JSON`);
    }
    let result: GroupResult;
    try {
      result = validateResult(value);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw new CliError(`cannot resume: ${path} line ${lineNumber} is not a group result (${error.problems.map(formatProblem).join('; ')})`);
    }
    if (result.id === null) throw new CliError(`cannot resume: ${path} line ${lineNumber} has no id`);
    const groups = state.get(result.id) ?? [];
    groups.push({ tally: tallyGroup(result), kept: correctCompletions(result) });
    state.set(result.id, groups);
  }
  return { state, droppedBytes };
}
