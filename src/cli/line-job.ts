/**
 * The fast path of `arbiter grade`: the host cuts the input into units of whole lines (bytes, never
 * parsed here) and the pool's threads parse, grade and serialise them (line-unit.ts); the host writes the
 * answers in input order and sums the tallies. The main thread, the bottleneck of the per-group path
 * (parse, structured clone, finish, stringify), is left with I/O.
 *
 * Per-completion hard limits stay the pool's: a unit with a completion past the limit, or whose thread
 * died, is graded again on the per-group path, which gives that completion its timeout/error verdict and
 * the rest their results, as before (the hanging completion waits out the limit a second time).
 * Only for group-scale advantages and a run that resumes nothing (grade-job.ts decides).
 */
import type { Readable, Writable } from 'node:stream';
import type { GradeRequest, Group } from '../core/schemas/request.ts';
import type { Grader } from '../grading/grader.ts';
import { CliError } from './cli-error.ts';
import { parseInputLine } from './input-lines.ts';
import { correctCompletions, keptLines } from './keep-correct.ts';
import { unitLines, type GradedLines, type LineUnit, type LineUnitResult } from './line-unit.ts';
import type { Progress } from './progress.ts';
import { tallyGroup, type GroupTally, type SummaryAccumulator } from './summary.ts';

/** Runs a line unit on the pool; resolves null when the unit failed (timeout or dead thread). */
export type LineRunner = (unit: Omit<LineUnit, 'progress' | 'clockBaseMs'>) => Promise<LineUnitResult | null>;

/** Bytes per unit: large enough that messages are few, small enough that both threads finish together. */
const UNIT_BYTES = 192 * 1024;
const NEWLINE = 0x0a;

export interface LineJob {
  readonly runLines: LineRunner;
  readonly grader: Grader;
  readonly baseRequest: Omit<GradeRequest, 'groups'>;
  readonly keepCorrect: boolean;
  /** Units graded at once; more than the threads, so a thread never waits for the host. */
  readonly unitsInFlight: number;
  readonly output: Writable;
  readonly keep: Writable | null;
  readonly stderr: Writable;
  readonly summary: SummaryAccumulator;
  readonly progress: Progress;
  readonly signal?: AbortSignal;
}

/** What the run counted, for the summary. */
export interface LineJobCounts {
  badLines: number;
  gradedCompletions: number;
  groups: number;
}

/** The pieces in one shared buffer: it reaches the worker without a copy and stays here for a fallback. */
function sharedBytes(pieces: readonly Uint8Array[], byteLength: number): Uint8Array {
  const bytes = new Uint8Array(new SharedArrayBuffer(byteLength));
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.byteLength;
  }
  return bytes;
}

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, i + 1)) count++;
  return count;
}

/** A unit on the per-group path: the same lines, results, tallies and kept lines as the worker would give. */
async function gradeOnGrader(job: LineJob, bytes: Uint8Array, firstLineNumber: number): Promise<GradedLines> {
  const badLines: string[] = [];
  const groups: (Group & { readonly id: string })[] = [];
  for (const [line, lineNumber] of unitLines(bytes, firstLineNumber)) {
    const entry = parseInputLine(line, lineNumber);
    if (entry?.kind === 'bad') badLines.push(entry.message);
    else if (entry?.kind === 'group') groups.push(entry.group);
  }
  const results = groups.length === 0 ? [] : (await job.grader.grade({ ...job.baseRequest, groups })).groups;
  let output = '';
  let kept = '';
  let completions = 0;
  const tallies: GroupTally[] = [];
  results.forEach((result, i) => {
    output += `${JSON.stringify(result)}\n`;
    tallies.push(tallyGroup(result));
    if (job.keepCorrect) kept += keptLines(groups[i] as Group & { readonly id: string }, correctCompletions(result));
    completions += result.results.length;
  });
  return { kind: 'graded', output, kept, tallies, badLines, groups: groups.length, completions };
}

function write(stream: Writable, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

/**
 * Grades every line of `input` and writes the results; bad lines are reported on stderr and counted.
 * @example const counts = await runLineJob(input, job);
 */
export async function runLineJob(input: Readable, job: LineJob): Promise<LineJobCounts> {
  const counts: LineJobCounts = { badLines: 0, gradedCompletions: 0, groups: 0 };
  const inFlight: Promise<GradedLines>[] = [];
  let nextLineNumber = 1;

  const launch = (bytes: Uint8Array): void => {
    if (job.signal?.aborted) throw new CliError('interrupted', 130);
    const firstLineNumber = nextLineNumber;
    nextLineNumber += countNewlines(bytes);
    const unit = { bytes, firstLineNumber, rewards: job.baseRequest.rewards ?? null, advantage: job.baseRequest.advantage ?? null, keepCorrect: job.keepCorrect };
    const graded = job.runLines(unit).then((answer) => (answer?.kind === 'graded' ? answer : gradeOnGrader(job, bytes, firstLineNumber)));
    graded.catch(() => {}); // awaited in order by writeOldest; this only stops an early rejection counting as unhandled
    inFlight.push(graded);
  };

  const writeOldest = async (): Promise<void> => {
    const graded = await inFlight.shift();
    if (graded === undefined) return;
    counts.badLines += graded.badLines.length;
    await write(job.stderr, graded.badLines.map((m) => `${m}\n`).join(''));
    await write(job.output, graded.output);
    if (job.keep !== null) await write(job.keep, graded.kept);
    for (const tally of graded.tallies) job.summary.add(tally);
    counts.gradedCompletions += graded.completions;
    counts.groups += graded.groups;
    job.progress.advance(graded.groups, graded.completions);
  };

  // Cut at the first newline past UNIT_BYTES; a line longer than that simply makes a longer unit.
  let carry: Buffer[] = [];
  let carryBytes = 0;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (;;) {
      const from = start + Math.max(0, UNIT_BYTES - carryBytes);
      const newline = from < buffer.length ? buffer.indexOf(NEWLINE, from) : -1;
      if (newline === -1) break;
      launch(sharedBytes([...carry, buffer.subarray(start, newline + 1)], carryBytes + newline + 1 - start));
      carry = [];
      carryBytes = 0;
      start = newline + 1;
      if (inFlight.length >= job.unitsInFlight) await writeOldest();
    }
    if (start < buffer.length) {
      carry.push(buffer.subarray(start));
      carryBytes += buffer.length - start;
    }
  }
  if (carryBytes > 0) launch(sharedBytes(carry, carryBytes));
  while (inFlight.length > 0) await writeOldest();
  return counts;
}
