// The fast path of `arbiter grade` (line units graded in the workers) against the per-group path.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createInProcessGrader } from '../grading/in-process-grader.ts';
import { runGradeJob } from './grade-job.ts';
import type { GradeJobOptions } from './grade-options.ts';
import type { LineRunner } from './line-job.ts';
import type { LineUnitResult } from './line-unit.ts';

const lineWorker = new URL('./line-worker.ts', import.meta.url);
const hangingWorker = new URL('../../test-fixtures/workers/hang-on-marker-lines.ts', import.meta.url);
const fixture = (name: string) => new URL(`../../test-fixtures/cli/${name}`, import.meta.url);

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup) await step();
  cleanup = [];
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'arbiter-lines-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs a job on a fresh grader, by the fast path or not; returns the output file and stderr. */
async function grade(input: string, output: string, workerUrl: URL, fast: boolean, completionTimeoutMs = 10_000) {
  const grader = createInProcessGrader({ threads: 2, completionTimeoutMs, workerUrl });
  cleanup.push(() => grader.close());
  const runLines: LineRunner = (unit) => grader.pool.runWatched<LineUnitResult>('gradeLines', (progress) => ({ ...unit, ...progress }));
  const options: GradeJobOptions = {
    inputPath: input, outputPath: output, rewards: { accuracy: 1, format: 1, language: 1, length: { mode: 'kimi' }, repetition: 1 }, advantage: null,
    threads: 2, completionTimeoutMs, batchSize: 5, resume: false, keepCorrectPath: `${output}.kept`, ks: null, quiet: true, summaryJsonPath: null, remote: null,
  };
  const stderr = new PassThrough();
  let errors = '';
  stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const summary = await runGradeJob(options, { grader, stdin: new PassThrough(), stdout: new PassThrough(), stderr, showProgress: false, nowMs: () => 0, ...(fast ? { runLines } : {}) });
  return { output: await readFile(output, 'utf8'), kept: await readFile(`${output}.kept`, 'utf8'), errors, summary, threadsReplaced: grader.threadsReplaced };
}

describe('arbiter grade fast path', () => {
  it('writes byte-identical results, kept lines, bad-line reports and summary to the per-group path', async () => {
    const dir = await tempDir();
    const input = join(dir, 'in.jsonl');
    const twelve = await readFile(fixture('twelve-groups.jsonl'), 'utf8');
    const bad = await readFile(fixture('bad-lines.jsonl'), 'utf8');
    // Repeated so the input spans several units; CRLF lines and a last line without a newline included.
    await writeFile(input, `${[twelve, bad, twelve.replaceAll('\n', '\r\n')].join('').repeat(40)}${twelve.trimEnd()}`);
    const fast = await grade(input, join(dir, 'fast.jsonl'), lineWorker, true);
    const slow = await grade(input, join(dir, 'slow.jsonl'), lineWorker, false);
    expect(fast.output.length).toBeGreaterThan(200_000);
    expect(fast.output).toBe(slow.output);
    expect(fast.kept).toBe(slow.kept);
    expect(fast.errors).toBe(slow.errors);
    expect(fast.summary).toEqual(slow.summary);
  });

  it('grades a unit with a hanging completion on the per-group path: timeout there, the rest unaffected', async () => {
    const dir = await tempDir();
    const input = join(dir, 'in.jsonl');
    const task = { type: 'text', answer: 'Paris' };
    const lines = [
      { id: 'a', task, completions: ['<answer>Paris</answer>', 'HANG_FOREVER', '<answer>Rome</answer>'] },
      { id: 'b', task, completions: ['<answer>Paris</answer>'] },
    ];
    await writeFile(input, lines.map((l) => JSON.stringify(l)).join('\n'));
    const run = await grade(input, join(dir, 'out.jsonl'), hangingWorker, true, 300);
    const results = run.output.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; results: { status: string }[] });
    expect(results.map((r) => r.id)).toEqual(['a', 'b']);
    expect(results[0]?.results.map((r) => r.status)).toEqual(['correct', 'timeout', 'incorrect']);
    expect(results[1]?.results.map((r) => r.status)).toEqual(['correct']);
    expect(run.threadsReplaced).toBe(2); // once in the line unit, once on the per-group path
  });
});
