/**
 * What the fuzz suites share (README "Fuzzing"): one seed per run of the suite, taken from
 * ARBITER_FUZZ_SEED when set (replay) and drawn at random otherwise (exploration), shown in every test
 * name and failure; ARBITER_FUZZ_SCALE multiplies the number of generated inputs; and a deadline check
 * that tells a slow input from a pause of the shared machine.
 */
import fc from 'fast-check';

function readSeed(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`ARBITER_FUZZ_SEED must be an integer, got "${raw}"`);
  return seed | 0; // fast-check seeds are 32-bit: show the seed it really used
}

function readScale(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 1;
  const scale = Number(raw);
  if (!(scale > 0 && Number.isFinite(scale))) throw new Error(`ARBITER_FUZZ_SCALE must be a positive number, got "${raw}"`);
  return scale;
}

/** The seed of every property of this run. Default: random; ARBITER_FUZZ_SEED replays a run. */
export const FUZZ_SEED = readSeed(process.env['ARBITER_FUZZ_SEED']);
/** Multiplies every run count (ARBITER_FUZZ_SCALE, default 1): 10 for a nightly run. The same seed with a larger scale replays a superset. */
export const FUZZ_SCALE = readScale(process.env['ARBITER_FUZZ_SCALE']);

/** `count` scaled by ARBITER_FUZZ_SCALE, at least 1. */
export function runs(count: number): number {
  return Math.max(1, Math.round(count * FUZZ_SCALE));
}

/**
 * Checks a property with the run's seed; a failure throws fast-check's report (seed, path, shrunk
 * counterexample, the error) and the command that replays it. Past `timeLimitMs` (generation and
 * shrinking together) the run stops and fails: a suite that outgrows the CI budget is a failure too, and a
 * failure whose every shrink step is slow reports what it has by then.
 * @example await checkProperty(fc.asyncProperty(fc.string(), async (s) => { … }), runs(1000), 'src/verifiers/math/fuzz.test.ts');
 */
export async function checkProperty<Ts>(property: fc.IRawProperty<Ts>, numRuns: number, file: string, timeLimitMs = 90_000): Promise<void> {
  const details = await fc.check(property, {
    seed: FUZZ_SEED,
    numRuns,
    plugins: [fc.interruptAfterTimeLimit(timeLimitMs * FUZZ_SCALE, { failOnInterrupt: true })],
  });
  if (!details.failed) return;
  const report = fc.defaultReportMessage(details) ?? 'the property failed';
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance ?? '');
  const replay = `Replay: ARBITER_FUZZ_SEED=${FUZZ_SEED} ARBITER_FUZZ_SCALE=${FUZZ_SCALE} npx vitest run ${file}`;
  throw new Error(`${report}\n\nGot error: ${error}\n\n${replay}`, { cause: details.errorInstance });
}

/** What `withinDeadline` measured: the result of the fastest attempt and its duration. */
export interface Timed<T> {
  readonly result: T;
  readonly ms: number;
}

/**
 * Runs `attempt` and times it. A run over its deadline is repeated (up to `attempts` in all) and the fastest
 * kept: a slow input is slow every time, a garbage-collection pause or a busy neighbour on this 2-core
 * machine is not. `attempt` must build its own inputs (no cache may make a repeat cheaper). The deadline may
 * depend on the result (a code verdict that ran no program has less time than one that ran three tests).
 * @example const { result, ms } = await withinDeadline(() => verifyMath(task(), completion), 250); expect(ms).toBeLessThan(250);
 */
export async function withinDeadline<T>(attempt: () => T | Promise<T>, deadlineMs: number | ((result: T) => number), attempts = 3): Promise<Timed<T>> {
  let best: Timed<T> | null = null;
  for (let i = 0; i < attempts; i++) {
    const started = performance.now();
    const result = await attempt();
    const ms = performance.now() - started;
    if (best === null || ms < best.ms) best = { result, ms };
    const deadline = typeof deadlineMs === 'number' ? deadlineMs : deadlineMs(result);
    if (ms <= deadline || ms > 10 * deadline) break; // ten times over is the input, not a pause
  }
  if (best === null) throw new Error('attempts must be at least 1');
  return best;
}

/** A generated text and how it was made: counterexamples print the recipe, not 100 KB of text. */
export interface Recipe {
  readonly text: string;
}

/**
 * Wraps a text with its recipe for fast-check's reports.
 * @example recipe('```x\n'.repeat(16000), '"```x\\n".repeat(16000)')
 */
export function recipe(text: string, description: string): Recipe {
  const made = { text };
  Object.defineProperty(made, fc.toStringMethod, { value: () => description, enumerable: false });
  return made;
}
