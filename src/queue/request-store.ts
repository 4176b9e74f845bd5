/**
 * A request's record in Redis and the steps that move it forward, shared by the producer (which
 * delivers groups already graded) and the workers (which deliver the groups they grade). Every step
 * is idempotent, so a retried or stalled job, or two workers racing, leave one result per group and
 * one final status per request.
 */
import type { Redis } from 'ioredis';
import type { AdvantageConfig } from '../core/schemas/advantage.ts';
import { FINAL_JOB_STATUSES, type JobError, type JobStatus } from '../core/schemas/job.ts';
import type { GroupResult } from '../core/schemas/result.ts';
import type { RewardsConfig } from '../core/schemas/rewards.ts';
import { assembleResponse } from '../grading/jobs-assemble.ts';
import { resolveAdvantageConfig, toWireAdvantage } from '../advantages/presets.ts';
import { keysFor, parseWaiter, waiterOf, type Keys } from './names.ts';
import { CANCEL, DELIVER_GROUP, FINISH, START_GROUP } from './scripts.ts';

/** The grading settings of a request, kept in its record (`settings`, JSON). */
export interface RequestSettings {
  readonly rewards?: RewardsConfig;
  readonly advantage?: AdvantageConfig;
}

/** The record's hash fields, as stored. */
export interface RequestRecord {
  readonly owner: string | null;
  readonly status: JobStatus;
  readonly total: number;
  readonly done: number;
  readonly createdMs: number;
  readonly finishedMs: number | null;
  readonly settings: RequestSettings;
  /** Group job id of each group, by index. */
  readonly jobs: readonly string[];
  /** sha256 of the request body when it was submitted with an Idempotency-Key; '' otherwise. */
  readonly digest: string;
  /** How long the finished request stays readable, ms. */
  readonly ttlMs: number;
  readonly error: JobError | null;
}

/** The record's fields for HSET. */
export function recordFields(record: RequestRecord): Record<string, string> {
  return {
    owner: JSON.stringify(record.owner),
    status: record.status,
    total: String(record.total),
    done: String(record.done),
    created: String(record.createdMs),
    finished: record.finishedMs === null ? '' : String(record.finishedMs),
    settings: JSON.stringify(record.settings),
    jobs: JSON.stringify(record.jobs),
    digest: record.digest,
    ttl: String(record.ttlMs),
    error: record.error === null ? '' : JSON.stringify(record.error),
  };
}

/** The record from HGETALL; null when the hash is missing (never created, or expired). */
export function parseRecord(hash: Record<string, string>): RequestRecord | null {
  if (hash['status'] === undefined) return null;
  const finished = hash['finished'] ?? '';
  const error = hash['error'] ?? '';
  return {
    owner: JSON.parse(hash['owner'] ?? 'null') as string | null,
    status: hash['status'] as JobStatus,
    total: Number(hash['total']),
    done: Number(hash['done']),
    createdMs: Number(hash['created']),
    finishedMs: finished === '' ? null : Number(finished),
    settings: JSON.parse(hash['settings'] ?? '{}') as RequestSettings,
    jobs: JSON.parse(hash['jobs'] ?? '[]') as string[],
    digest: hash['digest'] ?? '',
    ttlMs: Number(hash['ttl']),
    error: error === '' ? null : (JSON.parse(error) as JobError),
  };
}

export function isFinal(status: JobStatus): boolean {
  return FINAL_JOB_STATUSES.includes(status);
}

const doneMessage = (status: JobStatus) => JSON.stringify({ type: 'done', status });

/**
 * The store over one Redis connection and key prefix.
 * @example const store = createRequestStore(redis, 'arbiter'); await store.deliverGroup(jobId, resultJson);
 */
export function createRequestStore(redis: Redis, prefix: string, clock: () => number = Date.now) {
  const keys: Keys = keysFor(prefix);
  const requestKeys = (id: string) => [keys.request(id), keys.requestGroups(id), keys.requestOrder(id), keys.requestResult(id)];

  async function read(id: string): Promise<RequestRecord | null> {
    return parseRecord(await redis.hgetall(keys.request(id)));
  }

  /** Makes the request final (once); `messages` are published first, then `done`. */
  async function finish(id: string, status: JobStatus, fields: { result?: string; error?: JobError; messages?: readonly string[] }, ttlMs: number): Promise<boolean> {
    const args = [status, clock(), fields.result ?? '', fields.error === undefined ? '' : JSON.stringify(fields.error), ttlMs, keys.events(id), ...(fields.messages ?? []), doneMessage(status)];
    return (await FINISH.run(redis, requestKeys(id), args)) === 1;
  }

  /**
   * Completes the request when every group is delivered: assembles the response (batch advantages here).
   * With scale group or none the groups are final as stored, so the response is spliced from their JSON
   * (byte for byte what JSON.stringify(assembleResponse(…)) gives) instead of parsed and written again.
   */
  async function completeIfDone(id: string): Promise<void> {
    const record = await read(id);
    if (record === null || isFinal(record.status) || record.done < record.total) return;
    const stored = await redis.hgetall(keys.requestGroups(id));
    const groups = Array.from({ length: record.total }, (_, i) => stored[String(i)]);
    if (groups.some((g) => g === undefined)) return;
    const advantage = resolveAdvantageConfig(record.settings.advantage);
    if (advantage.scale !== 'batch') {
      const result = `{"groups":[${groups.join(',')}],"advantage":${JSON.stringify(toWireAdvantage(advantage))}}`;
      await finish(id, 'completed', { result }, record.ttlMs);
      return;
    }
    const response = assembleResponse(groups.map((g) => JSON.parse(g as string) as GroupResult), record.settings.advantage);
    // Scale batch: no group was final before now, so the group events go out with the response, in request order.
    const messages = response.groups.map((result, index) => JSON.stringify({ type: 'group', position: index + 1, index, result }));
    await finish(id, 'completed', { result: JSON.stringify(response), messages }, record.ttlMs);
  }

  /**
   * Delivers a group's result to every request waiting on it (scripts.ts DELIVER_GROUP), keeping it first
   * when `kept` says for how long, and completes the requests it was the last group of.
   */
  async function deliver(jobId: string, resultJson: string, kept?: { ttlMs: number; completions: Readonly<Record<string, number>> }): Promise<void> {
    const counts = Object.entries(kept?.completions ?? {}).flatMap(([status, n]) => [status, n]);
    const args = [resultJson, kept === undefined ? '' : kept.ttlMs, keys.request(''), keys.events(''), ...counts];
    const complete = (await DELIVER_GROUP.run(redis, [keys.groupResult(jobId), keys.groupWaiters(jobId), keys.completions()], args)) as string[];
    for (let n = 0; n + 1 < complete.length; n += 2) {
      await completeIfDone(complete[n] as string);
      await redis.srem(keys.groupWaiters(jobId), complete[n + 1] as string);
    }
  }

  return {
    keys,
    read,
    finish,
    completeIfDone,

    /** Delivers a group graded before (its job id's result, kept) to every request waiting on it, then forgets those waiters. */
    deliverGroup: (jobId: string, resultJson: string): Promise<void> => deliver(jobId, resultJson),

    /**
     * Keeps a group just graded under its content address for `ttlMs`, counts its completions by status
     * (`completions`), and delivers it to every request waiting on it, in one step.
     */
    keepAndDeliver: (jobId: string, resultJson: string, ttlMs: number, completions: Readonly<Record<string, number>>): Promise<void> =>
      deliver(jobId, resultJson, { ttlMs, completions }),

    /** Fails every request waiting on a group job (the job failed for good); `error` may word it per group index. */
    async failWaiters(jobId: string, error: JobError | ((index: number) => JobError)): Promise<void> {
      for (const entry of await redis.smembers(keys.groupWaiters(jobId))) {
        const waiter = parseWaiter(entry);
        const record = waiter === null ? null : await read(waiter.requestId);
        if (waiter !== null && record !== null) {
          await finish(waiter.requestId, 'failed', { error: typeof error === 'function' ? error(waiter.index) : error }, record.ttlMs);
        }
        await redis.srem(keys.groupWaiters(jobId), entry);
      }
    },

    /**
     * Cancels the request if it is unfinished and `owner`'s, in one step (scripts.ts CANCEL). Returns null
     * when it did not, else the group jobs no request waits for any more (to be taken off the queue).
     */
    async cancel(id: string, owner: string | null, record: RequestRecord): Promise<string[] | null> {
      const waiterKeys = record.jobs.map((jobId) => keys.groupWaiters(jobId));
      const entries = record.jobs.map((_, index) => waiterOf(id, index));
      const args = [JSON.stringify(owner), clock(), record.ttlMs, keys.events(id), doneMessage('cancelled'), ...entries];
      const out = (await CANCEL.run(redis, [...requestKeys(id), ...waiterKeys], args)) as number[];
      if (out[0] !== 1) return null;
      return [...new Set(out.slice(1).map((n) => record.jobs[n - 1] as string))];
    },

    /**
     * A worker took a group job: the group's result JSON when it was graded before, else null, the
     * requests waiting on it then marked running (scripts.ts START_GROUP).
     */
    async startGroup(jobId: string): Promise<string | null> {
      const cached = await START_GROUP.run(redis, [keys.groupResult(jobId), keys.groupWaiters(jobId)], [keys.request('')]);
      return typeof cached === 'string' ? cached : null;
    },
  };
}

export type RequestStore = ReturnType<typeof createRequestStore>;
