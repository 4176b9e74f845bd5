/**
 * One `arbiter grade` run: stream the input, grade it in batches on a Grader, write one result line per
 * group in input order, and sum the summary.
 *
 * Up to two batches are graded at once (the pool stays busy while a finished batch is written), but a
 * batch is written only after every batch before it, so the output is in input order. Each batch is
 * written with one write call, right after it is graded; a crash leaves at most one partial line,
 * which `--resume` cuts off. Batches are cut by input groups, resumed ones included, so a run resumed at
 * a batch boundary grades the same batches as an uninterrupted one (this matters for `scale: batch`).
 */
import { open } from 'node:fs/promises';
import { resolveAdvantageConfig } from '../advantages/presets.ts';
import { checkGradeSettings } from '../grading/pipeline.ts';
import type { Readable, Writable } from 'node:stream';
import type { GradeRequest, Group } from '../core/schemas/request.ts';
import type { GroupResult } from '../core/schemas/result.ts';
import type { Grader } from '../grading/grader.ts';
import { CliError } from './cli-error.ts';
import type { GradeJobOptions } from './grade-options.ts';
import { readInputEntries } from './input-lines.ts';
import { runLineJob, type LineRunner } from './line-job.ts';
import { correctCompletions, keptLines } from './keep-correct.ts';
import { countLines, createProgress } from './progress.ts';
import { loadResumeState, type ResumedGroup, type ResumeState } from './resume.ts';
import { createSummaryAccumulator, tallyGroup, type Summary } from './summary.ts';

/** Batches graded at the same time. */
const MAX_BATCHES_IN_FLIGHT = 2;
/** Large reads: fewer chunks to join around line breaks (64 KiB, the default, made it a main-thread cost). */
const READ_CHUNK_BYTES = 1024 * 1024;

/** What a run reads from and writes to besides its files; injected so tests and the demo can swap them. */
export interface GradeJobIo {
  readonly grader: Grader;
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Show the progress bar (stderr is a terminal and not --quiet). */
  readonly showProgress: boolean;
  /**
   * Runs line units on the grader's pool: the fast path (line-job.ts), taken when given, unless the run
   * needs whole batches (`scale: batch`) or resumes groups. Tests that inject only a grader leave it out.
   */
  readonly runLines?: LineRunner;
  /** Aborted on SIGINT/SIGTERM: no new batch starts. */
  readonly signal?: AbortSignal;
  readonly nowMs: () => number;
}

type InputGroup = Group & { readonly id: string };

interface Entry {
  readonly group: InputGroup;
  readonly resumed: ResumedGroup | null;
}

interface Batch {
  readonly entries: readonly Entry[];
  readonly results: Promise<GroupResult[]>;
}

function writeText(stream: Writable, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

function endStream(stream: Writable): Promise<void> {
  return new Promise((resolve) => stream.end(resolve));
}

async function openFile(path: string, flags: 'r' | 'w' | 'a', what: string) {
  try {
    return await open(path, flags);
  } catch (error) {
    throw new CliError(`cannot open ${what} ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function takeResumed(state: ResumeState, id: string): ResumedGroup | null {
  const found = state.get(id);
  const resumed = found?.shift() ?? null;
  if (found?.length === 0) state.delete(id);
  return resumed;
}

/**
 * Runs a grading job to the end and returns its summary (bad lines are counted in it, not thrown).
 * Throws CliError for unusable files, and whatever the grader rejects with (bad reward configuration).
 * @example const summary = await runGradeJob(options, { grader, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, showProgress: false, nowMs: Date.now });
 */
export async function runGradeJob(options: GradeJobOptions, io: GradeJobIo): Promise<Summary> {
  // Refuse bad settings before the output file is opened (and emptied).
  checkGradeSettings({ groups: [], ...(options.rewards ? { rewards: options.rewards } : {}), ...(options.advantage ? { advantage: options.advantage } : {}) });
  const startedMs = io.nowMs();
  let state: ResumeState = new Map();
  if (options.resume && options.outputPath !== null) {
    const loaded = await loadResumeState(options.outputPath);
    state = loaded.state;
    if (loaded.droppedBytes > 0) await writeText(io.stderr, `resume: cut a partial last line (${loaded.droppedBytes} bytes) from ${options.outputPath}\n`);
  }

  const inputHandle = options.inputPath === '-' ? null : await openFile(options.inputPath, 'r', 'input');
  const input = inputHandle === null ? io.stdin : inputHandle.createReadStream({ highWaterMark: READ_CHUNK_BYTES });
  const outputHandle = options.outputPath === null ? null : await openFile(options.outputPath, options.resume ? 'a' : 'w', 'output');
  const output = outputHandle === null ? io.stdout : outputHandle.createWriteStream();
  const keepHandle = options.keepCorrectPath === null ? null : await openFile(options.keepCorrectPath, 'w', '--keep-correct file');
  const keep = keepHandle?.createWriteStream() ?? null;

  const totalGroups = io.showProgress && options.inputPath !== '-' ? await countLines(options.inputPath) : null;
  const progress = createProgress({ enabled: io.showProgress, totalGroups, stream: io.stderr, nowMs: io.nowMs });
  const summary = createSummaryAccumulator();
  let badLines = 0;
  let resumedGroups = 0;
  let gradedCompletions = 0;
  let groupsSeen = 0;

  const baseRequest: Omit<GradeRequest, 'groups'> = {
    ...(options.rewards === null ? {} : { rewards: options.rewards }),
    ...(options.advantage === null ? {} : { advantage: options.advantage }),
  };
  const inFlight: Batch[] = [];
  let pending: Entry[] = [];

  const launch = (): void => {
    const groups = pending.filter((e) => e.resumed === null).map((e) => e.group);
    const results = groups.length === 0 ? Promise.resolve([]) : io.grader.grade({ ...baseRequest, groups }).then((r) => r.groups);
    results.catch(() => {}); // awaited in order by writeOldest; this only stops an early rejection counting as unhandled
    inFlight.push({ entries: pending, results });
    pending = [];
  };

  const writeOldest = async (): Promise<void> => {
    const batch = inFlight.shift();
    if (batch === undefined) return;
    const results = await batch.results;
    let out = '';
    let kept = '';
    let next = 0;
    let completions = 0;
    for (const entry of batch.entries) {
      if (entry.resumed !== null) {
        summary.add(entry.resumed.tally);
        if (keep !== null) kept += keptLines(entry.group, entry.resumed.kept);
        continue;
      }
      const result = results[next++];
      if (result === undefined) throw new Error('the grader returned fewer groups than it was given');
      out += `${JSON.stringify(result)}\n`;
      summary.add(tallyGroup(result));
      if (keep !== null) kept += keptLines(entry.group, correctCompletions(result));
      completions += result.results.length;
    }
    await writeText(output, out);
    if (keep !== null) await writeText(keep, kept);
    gradedCompletions += completions;
    progress.advance(batch.entries.length, completions);
  };

  async function gradeEntries(): Promise<void> {
    for await (const entry of readInputEntries(input)) {
      if (io.signal?.aborted) throw new CliError('interrupted', 130);
      if (entry.kind === 'bad') {
        badLines++;
        await writeText(io.stderr, `${entry.message}\n`);
        continue;
      }
      groupsSeen++;
      const resumed = takeResumed(state, entry.group.id);
      if (resumed !== null) resumedGroups++;
      pending.push({ group: entry.group, resumed });
      if (pending.length >= options.batchSize) {
        launch();
        if (inFlight.length >= MAX_BATCHES_IN_FLIGHT) await writeOldest();
      }
    }
    if (pending.length > 0) launch();
    progress.setTotal(groupsSeen);
    while (inFlight.length > 0) await writeOldest();
  }

  const runLines = io.runLines;
  const fastPath = runLines !== undefined && state.size === 0 && resolveAdvantageConfig(options.advantage ?? undefined).scale !== 'batch';

  try {
    if (fastPath) {
      const keepCorrect = keep !== null;
      const job = { runLines, grader: io.grader, baseRequest, keepCorrect, unitsInFlight: 2 * options.threads + 2, output, keep, stderr: io.stderr, summary, progress };
      const counts = await runLineJob(input, io.signal === undefined ? job : { ...job, signal: io.signal });
      ({ badLines, gradedCompletions, groups: groupsSeen } = counts);
      progress.setTotal(groupsSeen);
    } else {
      await gradeEntries();
    }
  } finally {
    progress.stop();
    if (outputHandle !== null) await endStream(output);
    if (keep !== null) await endStream(keep);
    if (inputHandle !== null) input.destroy();
  }

  // Lines of the output whose id is not in this input still belong to the file the summary describes.
  for (const leftovers of state.values()) {
    for (const resumed of leftovers) {
      summary.add(resumed.tally);
      resumedGroups++;
    }
  }
  return summary.summary({ ks: options.ks, badLines, resumedGroups, gradedCompletions, elapsedMs: io.nowMs() - startedMs });
}
