/**
 * The grading pool: worker threads (piscina) that score work units, with a hard time limit per completion.
 *
 * A watchdog reads each running unit's progress (work-unit.ts). When one completion runs past
 * `completionTimeoutMs`, the unit is aborted, which terminates its thread (piscina replaces it); that
 * completion gets status `timeout` and the rest of the unit is scored again on other threads. A thread
 * that dies otherwise (out of memory, crash) is handled the same way with status `error`.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { NormalizedCompletion } from '../core/schemas/completion.ts';
import { AppError } from '../core/errors.ts';
import type { CompletionScore, GroupContext, Verdict } from '../verifiers/types.ts';
import type { ResolvedRewards } from '../verifiers/reward-config.ts';
import { unscorableScore } from '../verifiers/score-completion.ts';
import type { UnitProgress, WorkUnit } from './work-unit.ts';

export interface GradingPoolOptions {
  /** Worker threads. */
  readonly threads: number;
  /** Hard limit on scoring one completion, in ms. */
  readonly completionTimeoutMs: number;
  /** V8 old-generation limit per worker thread, in MB. Default 1024. */
  readonly workerMemoryMb?: number;
  /** Worker entry module (default: pool-worker). Tests inject a fixture worker here, never a module mock. */
  readonly workerUrl?: URL;
}

export interface GradingPool {
  /** Scores the completions of one group; never rejects because of a completion. */
  scoreGroup(ctx: GroupContext, completions: readonly NormalizedCompletion[], rewards: ResolvedRewards): Promise<CompletionScore[]>;
  /**
   * Runs a task on the named export of the worker module under the same watchdog: `build` gets fresh
   * progress cells to put in the task, counting completions across the whole unit (work-unit.ts). Resolves
   * null when a completion ran past the limit or the thread died (the thread is replaced): the caller
   * grades that unit again by the per-group path, which isolates the failing completion.
   */
  runWatched<T>(name: string, build: (progress: UnitProgress) => object): Promise<T | null>;
  /** Threads replaced after a timeout or crash since the pool started. */
  readonly threadsReplaced: number;
  close(): Promise<void>;
}

interface Running {
  readonly progress: Int32Array;
  readonly controller: AbortController;
  failedIndex: number | null;
  timedOut: boolean;
}

function workerExecArgv(url: URL): string[] {
  // Running from TypeScript sources: the worker needs the same loader as the main thread.
  if (!url.pathname.endsWith('.ts')) return [];
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return ['--import', tsx];
}

/**
 * Builds an unstarted-until-used pool; `close()` terminates its threads.
 * @example const pool = createGradingPool({ threads: 2, completionTimeoutMs: 10_000 });
 */
export function createGradingPool(options: GradingPoolOptions): GradingPool {
  const workerUrl = options.workerUrl ?? new URL(`./pool-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const piscina = new Piscina({
    filename: workerUrl.href,
    minThreads: options.threads,
    maxThreads: options.threads,
    idleTimeout: 60_000,
    execArgv: workerExecArgv(workerUrl),
    resourceLimits: { maxOldGenerationSizeMb: options.workerMemoryMb ?? 1024 },
  });
  const timeoutMs = options.completionTimeoutMs;
  const clockBaseMs = Date.now();
  const running = new Set<Running>();
  let threadsReplaced = 0;
  let closed = false;

  const tickMs = Math.max(5, Math.min(250, Math.floor(timeoutMs / 10)));
  const watchdog = setInterval(() => {
    const now = Date.now();
    for (const unit of running) {
      const started = Atomics.load(unit.progress, 0);
      if (started === 0) continue;
      const startedAtMs = clockBaseMs + Atomics.load(unit.progress, 1);
      if (now - startedAtMs <= timeoutMs || Atomics.load(unit.progress, 0) !== started) continue;
      unit.failedIndex = started - 1;
      unit.timedOut = true;
      unit.controller.abort();
    }
  }, tickMs);
  watchdog.unref();

  /** Runs one unit; a failure says which completion of the unit failed (-1: none started) and why. */
  async function runUnit<T>(name: string, build: (progress: UnitProgress) => object): Promise<{ ok: true; value: T } | { ok: false; failed: number; timedOut: boolean; error: unknown }> {
    if (closed) throw new AppError('GRADER_CLOSED', 'the grading pool is closed');
    const progress = new Int32Array(new SharedArrayBuffer(8));
    const unit: Running = { progress, controller: new AbortController(), failedIndex: null, timedOut: false };
    running.add(unit);
    try {
      return { ok: true, value: (await piscina.run(build({ progress, clockBaseMs }), { name, signal: unit.controller.signal })) as T };
    } catch (error) {
      if (closed) throw new AppError('GRADER_CLOSED', 'the grading pool is closed');
      threadsReplaced++;
      return { ok: false, failed: unit.failedIndex ?? Atomics.load(progress, 0) - 1, timedOut: unit.timedOut, error };
    } finally {
      running.delete(unit);
    }
  }

  async function scoreRange(ctx: GroupContext, completions: readonly NormalizedCompletion[], rewards: ResolvedRewards): Promise<CompletionScore[]> {
    if (completions.length === 0) return [];
    const outcome = await runUnit<CompletionScore[]>('default', (p): WorkUnit => ({ ctx, completions, rewards, ...p }));
    if (outcome.ok) return outcome.value;
    const { failed, error } = outcome;
    if (failed < 0) throw error; // died before scoring anything: an infrastructure fault, not a verdict
    const verdict: Verdict = outcome.timedOut
      ? { status: 'timeout', score: null, answer: null, details: { reason: `grading this completion took longer than ${timeoutMs} ms` } }
      : { status: 'error', score: null, answer: null, details: { reason: `the grading thread died: ${describe(error)}` } };
    const [before, after] = await Promise.all([
      scoreRange(ctx, completions.slice(0, failed), rewards),
      scoreRange(ctx, completions.slice(failed + 1), rewards),
    ]);
    return [...before, unscorableScore(verdict, completions[failed] as NormalizedCompletion, rewards), ...after];
  }

  async function runWatched<T>(name: string, build: (progress: UnitProgress) => object): Promise<T | null> {
    const outcome = await runUnit<T>(name, build);
    return outcome.ok ? outcome.value : null;
  }

  return {
    scoreGroup: scoreRange,
    runWatched,
    get threadsReplaced() {
      return threadsReplaced;
    },
    async close() {
      closed = true;
      clearInterval(watchdog);
      // Stop running units first: destroying threads that are mid-reply makes piscina throw uncaught.
      for (const unit of running) unit.controller.abort();
      await piscina.destroy();
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) return 'code' in error && typeof error.code === 'string' ? error.code : error.name;
  return 'unknown';
}
