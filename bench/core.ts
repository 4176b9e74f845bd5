/**
 * bench/core — issue #2's bar: `arbiter grade` on 16,000 text completions (1,000 groups of 16; format +
 * accuracy + language + length) in process, end to end (process start to exit), against a plain loop that
 * calls the same reward functions in this process without the pool, the CLI, or any I/O.
 *
 * The start-up line runs the same command on a one-group file, so the grading rate can be shown without
 * process start, module loading and thread start-up (which the end-to-end bar includes).
 *
 *   npm run bench:core            # builds dist/, then 3 runs each, medians; --groups N --size N --runs N to change
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeCompletion } from '../src/core/schemas/completion.ts';
import { finishGroup } from '../src/verifiers/finish-group.ts';
import { resolveRewards } from '../src/verifiers/reward-config.ts';
import { scoreCompletion } from '../src/verifiers/score-completion.ts';
import { makeTextBatch } from './make-text-batch.ts';

const { values } = parseArgs({ options: { groups: { type: 'string', default: '1000' }, size: { type: 'string', default: '16' }, runs: { type: 'string', default: '3' } } });
const groups = makeTextBatch(Number(values.groups), Number(values.size));
const total = groups.reduce((n, g) => n + g.completions.length, 0);
const runs = Number(values.runs);
const weights = { accuracy: 1, format: 1, language: 1, length: 1 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function plainLoop(): number {
  const rewards = resolveRewards(weights);
  const started = process.hrtime.bigint();
  let checksum = 0;
  for (const group of groups) {
    const completions = group.completions.map(normalizeCompletion);
    const ctx = { task: group.task, prompt: typeof group.prompt === 'string' ? group.prompt : null, targetLanguage: null };
    const scored = finishGroup(completions.map((c) => scoreCompletion(ctx, c, rewards)), completions, rewards);
    for (const s of scored) checksum += s.reward ?? 0;
  }
  if (!Number.isFinite(checksum)) throw new Error('unreachable');
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function cliRun(dir: string, input: string): number {
  // bin/arbiter.js falls back to tsx when dist/ is stale; `npm run bench:core` builds first.
  const started = process.hrtime.bigint();
  execFileSync(process.execPath, ['bin/arbiter.js', 'grade', input, '-o', join(dir, 'out.jsonl'), '--quiet', '--weights', Object.entries(weights).map(([k, w]) => `${k}=${w}`).join(',')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env },
  });
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const dir = mkdtempSync(join(tmpdir(), 'arbiter-bench-'));
try {
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, groups.map((g) => JSON.stringify(g)).join('\n') + '\n');
  const tiny = join(dir, 'tiny.jsonl');
  writeFileSync(tiny, `${JSON.stringify(groups[0])}\n`);
  plainLoop(); // warm the JIT so the baseline is its best case
  const loopSeconds = median(Array.from({ length: runs }, plainLoop));
  const cliSeconds = median(Array.from({ length: runs }, () => cliRun(dir, input)));
  const startupSeconds = median(Array.from({ length: runs }, () => cliRun(dir, tiny)));
  const cliRate = total / cliSeconds;
  const gradingRate = total / Math.max(1e-3, cliSeconds - startupSeconds);
  const loopRate = total / loopSeconds;
  console.log(`completions: ${total} (${groups.length} groups of ${values.size}), rewards: ${Object.keys(weights).join(' + ')}, runs: ${runs} (medians)`);
  console.log(`plain loop, no pool, in this process: ${loopSeconds.toFixed(3)} s  ${Math.round(loopRate).toLocaleString('en')} completions/s`);
  console.log(`arbiter grade, end to end:            ${cliSeconds.toFixed(3)} s  ${Math.round(cliRate).toLocaleString('en')} completions/s`);
  console.log(`start-up + shutdown (one group):      ${startupSeconds.toFixed(3)} s`);
  console.log(`arbiter grade, excluding start-up:    ${Math.round(gradingRate).toLocaleString('en')} completions/s`);
  console.log(`ratio arbiter grade / plain loop: ${(cliRate / loopRate).toFixed(2)} (excluding start-up: ${(gradingRate / loopRate).toFixed(2)})`);
  console.log(`bar ≥ 20,000 completions/s end to end: ${cliRate >= 20_000 ? 'met' : 'MISSED'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
