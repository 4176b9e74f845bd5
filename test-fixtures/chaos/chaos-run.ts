/**
 * The chaos run of issue #8: jobs flow into a local cluster (test-fixtures/chaos/local-cluster.ts) at a
 * steady rate while workers are SIGKILLed at random moments, Redis is restarted (append-only file on) and
 * the API is SIGKILLed and started again. Clients are the TypeScript SDK, retrying what it may retry with
 * one Idempotency-Key per job. Afterwards every accepted job is checked against the same request graded
 * in process (the undisturbed run): completed once, same results, each group's event streamed once.
 * bench/chaos.ts runs it at full length; src/queue/chaos.test.ts runs a shorter one.
 */
import { APIConnectionError, ArbiterClient, ArbiterError } from '../../src/client/index.ts';
import type { GradeRequest } from '../../src/core/schemas/request.ts';
import { seededRandom } from '../../src/core/seeded-random.ts';
import { createInProcessGrader } from '../../src/grading/in-process-grader.ts';
import { mixedGroup, TASK_KINDS } from '../workload/mixed-groups.ts';
import { startLocalCluster, type LocalCluster } from './local-cluster.ts';

export interface ChaosOptions {
  /** How long jobs are submitted and faults injected, s. */
  readonly seconds: number;
  readonly jobsPerSecond: number;
  /** Groups per job and completions per group. Defaults 2 and 4. */
  readonly groupsPerJob?: number;
  readonly groupSize?: number;
  /** `arbiter worker` processes. Default 2. */
  readonly workers?: number;
  readonly workerKills: number;
  readonly redisRestarts: number;
  readonly apiRestarts: number;
  /** How Redis is stopped for a restart. Default SIGTERM (it writes its append-only file first). */
  readonly redisSignal?: 'SIGTERM' | 'SIGKILL';
  /** Seeds the fault schedule and the workload. Default 1. */
  readonly seed?: number;
  /** After the last submission, how long jobs may take to finish before the rest count as lost, s. Default 120. */
  readonly settleSeconds?: number;
  /** Hears one line per fault and per phase. */
  readonly log?: (line: string) => void;
}

export interface ChaosReport {
  readonly seconds: number;
  readonly faults: { readonly workerKills: number; readonly redisRestarts: number; readonly apiRestarts: number };
  readonly jobs: {
    /** Jobs a client tried to submit. */
    readonly submitted: number;
    /** Jobs the API accepted (the client got an id). */
    readonly accepted: number;
    /** Accepted, completed, and equal to the undisturbed run. */
    readonly completed: number;
    /** Accepted and never completed (failed, or not done within settleSeconds). */
    readonly lost: number;
    /** Completed with results that differ from the undisturbed run. */
    readonly mismatched: number;
    /** Group events streamed more than once, summed over jobs. */
    readonly duplicatedEvents: number;
    /** Group events never streamed although the job completed, summed over jobs. */
    readonly missingEvents: number;
  };
  /** What clients saw before a retry succeeded: `503 QUEUE_UNAVAILABLE`, `connection`, … → count. */
  readonly retriedErrors: Readonly<Record<string, number>>;
  /** Errors a client could not retry past (should be none), with the job they hit. */
  readonly fatalErrors: readonly string[];
}

/** Answers a client may meet during a fault and retry: the service says "later" or cannot be reached. */
const RETRYABLE = /^(503 (QUEUE_UNAVAILABLE|GRADER_CLOSED|NOT_READY)|429 RATE_LIMITED|connection)$/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Job `i` of a run: `groupsPerJob` groups of the four task kinds in turn, new content for every run and job. */
export function chaosRequest(run: string, i: number, groupsPerJob: number, groupSize: number): GradeRequest {
  return { groups: Array.from({ length: groupsPerJob }, (_, g) => mixedGroup(TASK_KINDS[(i + g) % TASK_KINDS.length] ?? 'text', `${run}-${i}-${g}`, groupSize)) };
}

type Fault = { readonly at: number; readonly kind: 'worker' | 'redis' | 'api' };

/** Worker kills at random moments; Redis and API restarts spread evenly, between 10 % and 90 % of the run. */
function schedule(options: ChaosOptions, random: () => number): Fault[] {
  const ms = options.seconds * 1000;
  const spread = (count: number, kind: Fault['kind']) => Array.from({ length: count }, (_, k) => ({ at: ms * (0.1 + (0.8 * (k + 0.5)) / count), kind }));
  const kills = Array.from({ length: options.workerKills }, () => ({ at: ms * (0.05 + 0.9 * random()), kind: 'worker' as const }));
  return [...kills, ...spread(options.redisRestarts, 'redis'), ...spread(options.apiRestarts, 'api')].sort((a, b) => a.at - b.at);
}

/**
 * Runs the cluster through the faults and checks every job. The cluster is closed before it resolves.
 * @example const report = await runChaos({ seconds: 60, jobsPerSecond: 4, workerKills: 20, redisRestarts: 2, apiRestarts: 1 });
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? 1;
  const random = seededRandom(seed);
  const groupsPerJob = options.groupsPerJob ?? 2;
  const groupSize = options.groupSize ?? 4;
  const run = `chaos${seed}-${Date.now().toString(36)}`;
  const retriedErrors: Record<string, number> = {};
  const fatalErrors: string[] = [];
  const seen = (what: string) => (retriedErrors[what] = (retriedErrors[what] ?? 0) + 1);

  // Every answer ≥ 400 and every failed connection the SDK meets, before it decides to retry.
  const streamOpens = new Map<string, number>();
  const recordingFetch: typeof fetch = async (input, init) => {
    const events = /\/v1\/jobs\/([^/]+)\/events$/.exec(String(input))?.[1];
    if (events !== undefined) streamOpens.set(events, (streamOpens.get(events) ?? 0) + 1);
    try {
      const response = await fetch(input, init);
      if (response.status >= 400) {
        const body = (await response.clone().json().catch(() => ({}))) as { error?: { code?: string } };
        seen(`${response.status} ${body.error?.code ?? '?'}`);
      }
      return response;
    } catch (error) {
      seen(init?.signal?.aborted === true ? 'timeout' : 'connection');
      throw error;
    }
  };

  const cluster: LocalCluster = await startLocalCluster({
    workers: options.workers ?? 2,
    // Short locks, so that a killed worker's groups are taken over within about a second. Workers die here
    // far more often than in any fleet (bursts of several kills a second), and a long Python group can be
    // running on each of them: the limit that gives up a group whose workers keep dying (GROUP_STALLED, 3
    // deaths by default — it is there for completions that crash workers, and none does here) is lifted.
    env: { ARBITER_THREADS: '1', ARBITER_WORKER_STALLED_MS: '1000', ARBITER_WORKER_MAX_STALLS: '1000', ARBITER_JOB_TTL_MS: '3600000' },
  });
  const client = new ArbiterClient({
    baseUrl: cluster.url,
    apiKey: null,
    fetch: recordingFetch,
    timeoutMs: 30_000,
    retry: { maxRetries: 100, initialDelayMs: 100, maxDelayMs: 1_000, jitter: 0.25 },
  });
  const counts = { workerKills: 0, redisRestarts: 0, apiRestarts: 0 };
  const started = Date.now();
  const accepted: { i: number; id: string; request: GradeRequest; events: Map<number, number>; status: string }[] = [];

  async function job(i: number): Promise<void> {
    const request = chaosRequest(run, i, groupsPerJob, groupSize);
    let id: string;
    try {
      ({ id } = await client.submit(request, { idempotencyKey: `${run}-${i}` }));
    } catch (error) {
      fatalErrors.push(`job ${i}: submit: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const entry = { i, id, request, events: new Map<number, number>(), status: 'running' };
    accepted.push(entry);
    try {
      for await (const { index } of client.stream(id)) entry.events.set(index, (entry.events.get(index) ?? 0) + 1);
      entry.status = 'completed';
    } catch (error) {
      entry.status = error instanceof ArbiterError && error.code !== null ? error.code : 'stream broken';
      if (!(error instanceof APIConnectionError)) fatalErrors.push(`job ${i} (${id}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const faults = schedule(options, random);
  const chaos = (async () => {
    for (const fault of faults) {
      const wait = started + fault.at - Date.now();
      if (wait > 0) await sleep(wait);
      const t = ((Date.now() - started) / 1000).toFixed(1);
      if (fault.kind === 'worker') {
        await cluster.killWorker(Math.floor(random() * 1e9));
        counts.workerKills++;
        log(`${t}s  SIGKILL worker (${counts.workerKills})`);
      } else if (fault.kind === 'redis') {
        await cluster.restartRedis(options.redisSignal ?? 'SIGTERM');
        counts.redisRestarts++;
        log(`${t}s  Redis restarted (${counts.redisRestarts})`);
      } else {
        await cluster.restartApi();
        counts.apiRestarts++;
        log(`${t}s  API SIGKILLed and restarted (${counts.apiRestarts})`);
      }
    }
  })();

  const jobs: Promise<void>[] = [];
  const total = Math.round(options.seconds * options.jobsPerSecond);
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / options.jobsPerSecond - Date.now();
    if (wait > 0) await sleep(wait);
    jobs.push(job(i));
  }
  await chaos;
  log(`${((Date.now() - started) / 1000).toFixed(1)}s  all ${total} jobs sent; waiting for them to finish`);
  let settleTimer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<false>((resolve) => (settleTimer = setTimeout(() => resolve(false), (options.settleSeconds ?? 120) * 1000)));
  const settled = await Promise.race([Promise.all(jobs).then(() => true), giveUp]);
  clearTimeout(settleTimer);
  if (!settled) log(`jobs still running after ${options.settleSeconds ?? 120} s`);

  // The undisturbed run: the same requests graded in this process, compared with what the cluster kept.
  const grader = createInProcessGrader({ threads: 2, completionTimeoutMs: 10_000 });
  let completed = 0;
  let mismatched = 0;
  let duplicatedEvents = 0;
  let missingEvents = 0;
  try {
    for (const entry of accepted) {
      if (entry.status !== 'completed') continue;
      const view = await client.get(entry.id);
      const expected = JSON.stringify(await grader.grade(entry.request));
      const same = view.status === 'completed' && JSON.stringify(view.result) === expected && view.progress.groups_done === view.progress.groups_total;
      if (same) completed++;
      else mismatched++;
      for (let g = 0; g < entry.request.groups.length; g++) {
        const n = entry.events.get(g) ?? 0;
        if (n > 1) duplicatedEvents += n - 1;
        if (n === 0) missingEvents++;
      }
      const seenGroups = [...entry.events.keys()];
      if (seenGroups.length !== entry.request.groups.length || [...entry.events.values()].some((n) => n > 1)) {
        log(`events: job ${entry.i} (${entry.id}): streamed groups [${seenGroups.join(', ')}] of ${entry.request.groups.length}, over ${streamOpens.get(entry.id) ?? 0} stream connection(s)`);
      }
    }
    for (const entry of accepted) {
      if (entry.status === 'completed') continue;
      const view = await client.get(entry.id, { maxRetries: 0 }).catch((error: unknown) => String(error));
      const server = typeof view === 'string' ? view : `${view.status}, ${view.progress.groups_done}/${view.progress.groups_total} groups${view.error === undefined ? '' : `, ${view.error.code}`}`;
      log(`lost: job ${entry.i} (${entry.id}): the client saw ${entry.status} and streamed groups [${[...entry.events.keys()].join(', ')}] over ${streamOpens.get(entry.id) ?? 0} stream connection(s); the server says ${server}`);
    }
  } finally {
    await grader.close();
    await cluster.close();
  }
  const lost = accepted.filter((e) => e.status !== 'completed');
  for (const what of Object.keys(retriedErrors)) if (!RETRYABLE.test(what)) fatalErrors.push(`a client saw ${what} (${retriedErrors[what]}×)`);
  return {
    seconds: (Date.now() - started) / 1000,
    faults: counts,
    jobs: { submitted: total, accepted: accepted.length, completed, lost: lost.length, mismatched, duplicatedEvents, missingEvents },
    retriedErrors,
    fatalErrors,
  };
}
