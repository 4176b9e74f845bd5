/**
 * One environment schema with defaults and descriptions (README "Configuration"). `loadConfig()` validates
 * once and freezes; everything else receives the resulting object.
 */
import { availableParallelism } from 'node:os';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AppError, type Problem } from '../core/errors.ts';
import { RewardsConfig } from '../core/schemas/rewards.ts';
import { listProblems } from '../core/validate.ts';

const IntString = (description: string) => Type.String({ pattern: '^[0-9]+$', description });

export const EnvSchema = Type.Object({
  ARBITER_THREADS: Type.Optional(IntString('Worker threads of the grading pool. Default: the number of CPUs.')),
  ARBITER_COMPLETION_TIMEOUT_MS: Type.Optional(
    IntString('Hard limit on grading one completion; past it the thread is killed and the completion gets status timeout. Default 10000.'),
  ),
  PORT: Type.Optional(IntString('API: TCP port to listen on. Default 8080.')),
  HOST: Type.Optional(Type.String({ minLength: 1, description: 'API: interface to bind. Default 127.0.0.1 (use 0.0.0.0 in a container).' })),
  ARBITER_API_KEYS: Type.Optional(
    Type.String({ description: 'API: comma-separated bearer keys; a job belongs to the key that created it. None: the API is open (a warning is logged at start).' }),
  ),
  ARBITER_ADMIN_KEY: Type.Optional(Type.String({ minLength: 16, description: 'API: key of the operator routes under /admin (queue dashboard, cluster mode). Default: none (routes off).' })),
  ARBITER_BODY_LIMIT_MB: Type.Optional(IntString('API: largest accepted request body in MiB; larger bodies get 413 BODY_TOO_LARGE. Default 64.')),
  ARBITER_RATE_LIMIT: Type.Optional(
    IntString('API: requests each API key (each client address on an open API) may send per window; past it 429 RATE_LIMITED with Retry-After. Shared through Redis in queue mode. Default 0: no limit.'),
  ),
  ARBITER_RATE_LIMIT_WINDOW_MS: Type.Optional(IntString('API: the window of ARBITER_RATE_LIMIT, in ms. Default 60000.')),
  ARBITER_MAX_QUEUED_GROUPS: Type.Optional(
    IntString(
      'API: load shedding. While more groups than this wait for a grader (cluster-wide in queue mode), requests that add work get 503 OVERLOADED with Retry-After at once. Size it to the wait you accept: about groups graded per second × seconds. Default 10000; 0: never refuse.',
    ),
  ),
  ARBITER_GRADE_WAIT_MS: Type.Optional(IntString('API: how long POST /v1/grade waits for the result before answering 202 with the job id. Default 30000.')),
  ARBITER_BARRIER_WAIT_MS: Type.Optional(
    IntString('API: how long a slice of a group split across requests (`group: {id, size}`) waits for the other slices when it names no `wait_ms`; then the group is graded partial. Default 30000.'),
  ),
  ARBITER_BARRIER_MAX_WAIT_MS: Type.Optional(IntString('API: the longest `group.wait_ms` a request may ask for (larger values are capped). Default 120000.')),
  ARBITER_JOB_TTL_MS: Type.Optional(IntString('API: how long a finished job (and its results) stays readable. Default 3600000 (1 h).')),
  ARBITER_OPENRLHF_TASK: Type.Optional(
    Type.String({ description: 'POST /get_reward: JSON task template each label is put into: a label object is merged over it, any other label becomes `answer`. Default {"type":"text"}.' }),
  ),
  ARBITER_OPENRLHF_REWARDS: Type.Optional(Type.String({ description: 'POST /get_reward: JSON reward configuration (as `rewards` of a request). Default: accuracy 1 + format 1 (R1).' })),
  ARBITER_OPENRLHF_FALLBACK_REWARD: Type.Optional(
    Type.String({ pattern: '^-?[0-9]+(\\.[0-9]+)?$', description: 'POST /get_reward: reward sent for an unscorable completion (OpenRLHF cannot take null). Default 0.' }),
  ),
  REDIS_URL: Type.Optional(
    Type.String({
      pattern: '^rediss?://',
      description: 'Queue mode: Redis URL (redis://host:6379/0) of the BullMQ queue; the API enqueues and `arbiter worker` processes grade. Default: none (the API grades in process).',
    }),
  ),
  ARBITER_QUEUE_PREFIX: Type.Optional(
    Type.String({ pattern: '^[A-Za-z0-9_.-]{1,64}$', description: 'Queue mode: prefix of every Redis key (API and workers must agree), so deployments can share a Redis. Default arbiter.' }),
  ),
  ARBITER_WORKER_CONCURRENCY: Type.Optional(
    IntString('Groups graded at once per `arbiter worker` process, and by `arbiter serve` in embedded mode (their completions share the ARBITER_THREADS threads). Default 2 × ARBITER_THREADS.'),
  ),
  ARBITER_WORKER_STALLED_MS: Type.Optional(
    IntString('Worker: lock of an active group job; a job whose worker died is taken over by another worker within about this long. Default 30000.'),
  ),
  ARBITER_WORKER_MAX_STALLS: Type.Optional(
    IntString('Worker: a group job whose worker died (its lock lapsed) more than this many times fails with GROUP_STALLED, so a completion that kills workers cannot kill them all; 0 fails it at the first death. Default 2.'),
  ),
  LOG_LEVEL: Type.Optional(
    Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), {
      description: 'pino log level. Default info.',
    }),
  ),
});

export interface Config {
  /** Worker threads of the grading pool. Default: CPUs. */
  readonly threads: number;
  /** Hard per-completion grading limit in ms. Default 10000. */
  readonly completionTimeoutMs: number;
  /** pino level. Default info. */
  readonly logLevel: string;
  /** API port. Default 8080. */
  readonly port: number;
  /** API bind address. Default 127.0.0.1. */
  readonly host: string;
  /** Bearer keys; empty = open API. Default none. */
  readonly apiKeys: readonly string[];
  /** Key of the operator routes; null = off. Default none. */
  readonly adminKey: string | null;
  /** Per-key request limit: `max` requests per `windowMs`; max 0 = no limit. Default no limit, window 60000. */
  readonly rateLimit: { readonly max: number; readonly windowMs: number };
  /** Backlog of groups past which work is refused with OVERLOADED; 0 = never. Default 10000. */
  readonly maxQueuedGroups: number;
  /** Largest request body in MiB. Default 64. */
  readonly bodyLimitMb: number;
  /** Bounded wait of POST /v1/grade in ms. Default 30000. */
  readonly gradeWaitMs: number;
  /** Group barrier: default and largest wait of a slice for the rest of its group, in ms. Defaults 30000 and 120000. */
  readonly barrier: { readonly waitMs: number; readonly maxWaitMs: number };
  /** How long a finished job is kept, in ms. Default 3600000. */
  readonly jobTtlMs: number;
  /** Queue mode: Redis URL; null = embedded (grade in process). Default none. */
  readonly redisUrl: string | null;
  /** Queue mode: prefix of every Redis key. Default arbiter. */
  readonly queuePrefix: string;
  /** Groups graded at once per worker process, and by the embedded API. Default 2 × threads. */
  readonly workerConcurrency: number;
  /** Queue mode: lock duration of an active group job, in ms; a dead worker's job is retaken after about this long. Default 30000. */
  readonly workerStalledMs: number;
  /** Queue mode: deaths of a group job's worker after which the group fails (GROUP_STALLED). Default 2. */
  readonly workerMaxStalls: number;
  /** POST /get_reward. */
  readonly openrlhf: {
    /** Task template a label is put into. Default { type: 'text' }. */
    readonly taskTemplate: Readonly<Record<string, unknown>>;
    /** Reward configuration; null = the request default (accuracy + format). */
    readonly rewards: RewardsConfig | null;
    /** Reward sent in place of null. Default 0. */
    readonly fallbackReward: number;
  };
}

const TASK_TYPES = ['math', 'code', 'text'];

function parseJson(name: string, text: string | undefined, problems: Problem[]): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    problems.push({ path: name, message: 'expected JSON' });
    return undefined;
  }
}

function intOr(text: string | undefined, fallback: number): number {
  return text === undefined ? fallback : Number(text);
}

function apiConfig(env: Static<typeof EnvSchema>) {
  const problems: Problem[] = [];
  const port = intOr(env.PORT, 8080);
  if (port > 65_535) problems.push({ path: 'PORT', message: 'must be 0..65535' });
  const bodyLimitMb = intOr(env.ARBITER_BODY_LIMIT_MB, 64);
  if (bodyLimitMb < 1 || bodyLimitMb > 4096) problems.push({ path: 'ARBITER_BODY_LIMIT_MB', message: 'must be 1..4096' });
  const jobTtlMs = intOr(env.ARBITER_JOB_TTL_MS, 3_600_000);
  const rateLimit = Object.freeze({ max: intOr(env.ARBITER_RATE_LIMIT, 0), windowMs: intOr(env.ARBITER_RATE_LIMIT_WINDOW_MS, 60_000) });
  if (rateLimit.windowMs < 1) problems.push({ path: 'ARBITER_RATE_LIMIT_WINDOW_MS', message: 'must be ≥ 1' });
  if (jobTtlMs < 1) problems.push({ path: 'ARBITER_JOB_TTL_MS', message: 'must be ≥ 1' });
  const template = parseJson('ARBITER_OPENRLHF_TASK', env.ARBITER_OPENRLHF_TASK, problems) ?? { type: 'text' };
  const isObject = typeof template === 'object' && template !== null && !Array.isArray(template);
  if (!isObject || !TASK_TYPES.includes(String((template as Record<string, unknown>)['type']))) {
    problems.push({ path: 'ARBITER_OPENRLHF_TASK', message: 'expected a JSON object with "type": "math", "code" or "text"' });
  }
  const rewards = parseJson('ARBITER_OPENRLHF_REWARDS', env.ARBITER_OPENRLHF_REWARDS, problems);
  if (rewards !== undefined && !Value.Check(RewardsConfig, rewards)) problems.push(...listProblems(RewardsConfig, rewards, 'ARBITER_OPENRLHF_REWARDS'));
  if (problems.length > 0) throw new AppError('CONFIG_INVALID', 'invalid environment', problems);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    apiKeys: Object.freeze((env.ARBITER_API_KEYS ?? '').split(',').map((k) => k.trim()).filter((k) => k !== '')),
    adminKey: env.ARBITER_ADMIN_KEY ?? null,
    bodyLimitMb,
    rateLimit,
    maxQueuedGroups: intOr(env.ARBITER_MAX_QUEUED_GROUPS, 10_000),
    gradeWaitMs: intOr(env.ARBITER_GRADE_WAIT_MS, 30_000),
    barrier: Object.freeze({ waitMs: intOr(env.ARBITER_BARRIER_WAIT_MS, 30_000), maxWaitMs: intOr(env.ARBITER_BARRIER_MAX_WAIT_MS, 120_000) }),
    jobTtlMs,
    openrlhf: Object.freeze({
      taskTemplate: Object.freeze(template as Record<string, unknown>),
      rewards: (rewards as RewardsConfig | undefined) ?? null,
      fallbackReward: env.ARBITER_OPENRLHF_FALLBACK_REWARD === undefined ? 0 : Number(env.ARBITER_OPENRLHF_FALLBACK_REWARD),
    }),
  };
}

/**
 * Validates the environment once and returns a frozen config.
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(Object.keys(EnvSchema.properties).filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  if (!Value.Check(EnvSchema, relevant)) throw new AppError('CONFIG_INVALID', 'invalid environment', listProblems(EnvSchema, relevant));
  const env_ = relevant as Static<typeof EnvSchema>;
  const threads = env_.ARBITER_THREADS === undefined ? availableParallelism() : Number(env_.ARBITER_THREADS);
  const completionTimeoutMs = env_.ARBITER_COMPLETION_TIMEOUT_MS === undefined ? 10_000 : Number(env_.ARBITER_COMPLETION_TIMEOUT_MS);
  if (threads < 1 || threads > 256) throw new AppError('CONFIG_INVALID', 'invalid environment', [{ path: 'ARBITER_THREADS', message: 'must be 1..256' }]);
  if (completionTimeoutMs < 1) throw new AppError('CONFIG_INVALID', 'invalid environment', [{ path: 'ARBITER_COMPLETION_TIMEOUT_MS', message: 'must be ≥ 1' }]);
  return Object.freeze({ threads, completionTimeoutMs, logLevel: env_.LOG_LEVEL ?? 'info', ...queueConfig(env_, threads), ...apiConfig(env_) });
}

function queueConfig(env: Static<typeof EnvSchema>, threads: number) {
  const workerConcurrency = intOr(env.ARBITER_WORKER_CONCURRENCY, 2 * threads);
  const workerStalledMs = intOr(env.ARBITER_WORKER_STALLED_MS, 30_000);
  const workerMaxStalls = intOr(env.ARBITER_WORKER_MAX_STALLS, 2);
  const problems: Problem[] = [];
  if (workerConcurrency < 1 || workerConcurrency > 1024) problems.push({ path: 'ARBITER_WORKER_CONCURRENCY', message: 'must be 1..1024' });
  if (workerStalledMs < 100) problems.push({ path: 'ARBITER_WORKER_STALLED_MS', message: 'must be ≥ 100' });
  if (workerMaxStalls > 1000) problems.push({ path: 'ARBITER_WORKER_MAX_STALLS', message: 'must be 0..1000' });
  if (problems.length > 0) throw new AppError('CONFIG_INVALID', 'invalid environment', problems);
  return { redisUrl: env.REDIS_URL ?? null, queuePrefix: env.ARBITER_QUEUE_PREFIX ?? 'arbiter', workerConcurrency, workerStalledMs, workerMaxStalls };
}
