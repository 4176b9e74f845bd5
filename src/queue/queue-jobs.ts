/**
 * The queue job service (cluster mode): the same JobService as the embedded one, with the work done by
 * `arbiter worker` processes through BullMQ on Redis. A request becomes a record in Redis and one group
 * job per group (content-addressed: a group already graded, or being graded, for an earlier request is
 * not graded again); the workers deliver each group to every request waiting on it, and the worker that
 * delivers the last group completes the request. Events travel over Redis pub/sub.
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppError } from '../core/errors.ts';
import type { JobError, JobStatus, JobView } from '../core/schemas/job.ts';
import type { GradeResponse, GroupResult } from '../core/schemas/result.ts';
import { checkGradeSettings } from '../grading/pipeline.ts';
import type { JobEvent, JobService } from '../grading/jobs.ts';
import { producerConnection, workerConnection } from './connections.ts';
import { groupJobId, sha256 } from './content-hash.ts';
import { createEventHub, type EventHub } from './event-hub.ts';
import { DEFAULT_PREFIX, GROUP_JOB_NAME, GROUP_QUEUE, waiterOf } from './names.ts';
import type { GroupJobPayload } from './payload.ts';
import { createRequestStore, isFinal, parseRecord, recordFields, type RequestRecord } from './request-store.ts';

export interface QueueJobsOptions {
  /** Redis URL (`REDIS_URL`). */
  readonly redisUrl: string;
  /** How long a finished request stays readable, in ms (`ARBITER_JOB_TTL_MS`); graded groups are reused for as long. */
  readonly ttlMs: number;
  /** Key prefix of every key and of the BullMQ queue. Default `arbiter`; tests use one per test. */
  readonly prefix?: string;
  /** How long a call waits for a Redis connection that is not up yet before answering QUEUE_UNAVAILABLE, ms. Default 1000. */
  readonly connectWaitMs?: number;
  /** Attempts of a group job (transient faults are retried with exponential backoff). Default 3. */
  readonly attempts?: number;
  /** Hears Redis connection faults. */
  readonly onError?: (error: unknown) => void;
}

/** An unfinished request is kept this much longer than a finished one, so abandoned work expires too. */
const UNFINISHED_GRACE_MS = 24 * 3_600_000;
const READY_TIMEOUT_MS = 1_000;
/** After the subscriber is back (its channels subscribed again), or after a failed read, how long a subscription waits before it reads what it missed. */
const RESYNC_DELAY_MS = 200;
/** How long a subscription waits for Redis to confirm it before it goes on without (reading the job instead). */
const LISTEN_WAIT_MS = 2_000;
/** How often an open subscription reads its job again, whatever pub/sub said (a lost message costs at most this delay). */
const CATCH_UP_EVERY_MS = 5_000;
/** How every `group` event message starts (request-store.ts, scripts.ts DELIVER_GROUP, FINISH messages). */
const GROUP_EVENT_START = '{"type":"group"';

/** An event as published, or read back: a group event has its 1-based position among the request's finished groups (absent from an older worker's). */
type PositionedEvent = ({ type: 'group'; position?: number } & Omit<Extract<JobEvent, { type: 'group' }>, 'type'>) | Extract<JobEvent, { type: 'done' }>;

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
}

function toJobError(error: AppError): JobError {
  return error.problems.length > 0
    ? { code: error.code, message: error.message, problems: error.problems.map((p) => ({ ...p })) }
    : { code: error.code, message: error.message };
}

/**
 * Builds the queue job service. Nothing is graded here: run `arbiter worker` processes on the same Redis.
 * @example
 * const jobs = createQueueJobs({ redisUrl: 'redis://127.0.0.1:6379', ttlMs: 3_600_000 });
 * const { id } = await jobs.submit(request, null);
 * const view = await waitForJob(jobs, id, null, 30_000);
 */
export function createQueueJobs(options: QueueJobsOptions): JobService {
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const onError = options.onError ?? (() => {});
  const redis: Redis = producerConnection(options.redisUrl, onError);
  const store = createRequestStore(redis, prefix);
  const { keys } = store;
  const queue = new Queue<GroupJobPayload>(GROUP_QUEUE, { connection: redis, prefix });
  queue.on('error', onError);
  let hub: EventHub | null = null;
  const subscriptions = new Set<() => void>();
  let closed = false;

  /** Runs `work` against Redis; a connection that is down (or not up within connectWaitMs) is QUEUE_UNAVAILABLE. */
  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    if (closed) throw new AppError('GRADER_CLOSED', 'the service is shutting down');
    if (redis.status !== 'ready') {
      let onReady: () => void = () => {};
      const ready = new Promise<'ready'>((resolve) => redis.once('ready', (onReady = () => resolve('ready'))));
      const outcome = await Promise.race([ready, timeout(options.connectWaitMs ?? 1_000)]);
      redis.off('ready', onReady);
      if (outcome !== 'ready') throw new AppError('QUEUE_UNAVAILABLE', 'the queue (Redis) is unreachable');
    }
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (redis.status !== 'ready' || (error instanceof Error && /writeable|Connection is closed|MaxRetriesPerRequest|ECONNREFUSED/i.test(`${error.name} ${error.message}`))) {
        throw new AppError('QUEUE_UNAVAILABLE', 'the queue (Redis) is unreachable');
      }
      throw error;
    }
  }

  async function lookup(id: string, owner: string | null): Promise<RequestRecord | null> {
    const record = await store.read(id);
    return record !== null && record.owner === owner ? record : null;
  }

  /** The existing job of an (owner, Idempotency-Key) slot, or null to create one (the slot is then taken). */
  async function claimIdempotency(slot: string, id: string, owner: string | null, digest: string): Promise<{ id: string; record: RequestRecord } | null> {
    const pendingTtl = options.ttlMs + UNFINISHED_GRACE_MS;
    if ((await redis.set(slot, id, 'PX', pendingTtl, 'NX')) === 'OK') return null;
    const existingId = await redis.get(slot);
    const existing = existingId === null ? null : await lookup(existingId, owner);
    if (existing === null || existingId === null) {
      await redis.set(slot, id, 'PX', pendingTtl);
      return null;
    }
    if (existing.digest !== digest) throw new AppError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different request');
    return { id: existingId, record: existing };
  }

  /**
   * BullMQ options of a group job. Every job gets a BullMQ priority (request priority + 1: BullMQ's 0 means
   * "none", which would go before every prioritized job), so equal priorities run in the order queued.
   */
  function jobOptions(jobId: string, priority: number) {
    return { jobId, priority: priority + 1, attempts: options.attempts ?? 3, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: true, removeOnFail: true };
  }

  async function enqueue(id: string, record: RequestRecord, payloads: readonly GroupJobPayload[], priority: number): Promise<void> {
    const pendingTtl = options.ttlMs + UNFINISHED_GRACE_MS;
    const create = redis.multi().hset(keys.request(id), recordFields(record)).pexpire(keys.request(id), pendingTtl);
    record.jobs.forEach((jobId, index) => create.sadd(keys.groupWaiters(jobId), waiterOf(id, index)).pexpire(keys.groupWaiters(jobId), pendingTtl));
    await dispatch(record, payloads, priority, create.exec());
  }

  /**
   * Delivers the request's groups graded before (another request, a retry) and queues the others, once per
   * job id. `written`, the transaction that added the request's waiters, is already on the connection: the read
   * of the groups graded before goes out right behind it (one round trip) and so sees those waiters. Safe to
   * run again for the same request: delivery skips requests already served, and BullMQ ignores an add of an
   * id it holds.
   */
  async function dispatch(record: RequestRecord, payloads: readonly GroupJobPayload[], priority: number, written?: Promise<unknown>): Promise<void> {
    const unique = [...new Set(record.jobs)];
    const [, cached] = await Promise.all([written, redis.mget(unique.map((jobId) => keys.groupResult(jobId)))]);
    const toQueue: { name: string; data: GroupJobPayload; opts: object }[] = [];
    for (const [n, jobId] of unique.entries()) {
      const result = cached[n];
      if (result !== null && result !== undefined) await store.deliverGroup(jobId, result);
      else {
        const data = payloads[record.jobs.indexOf(jobId)] as GroupJobPayload;
        // A job already queued for another request keeps its place (BullMQ ignores an add of an existing id).
        toQueue.push({ name: GROUP_JOB_NAME, data, opts: jobOptions(jobId, priority) });
      }
    }
    if (toQueue.length > 0) await queue.addBulk(toQueue);
  }

  /**
   * Takes a group job no request waits for off the queue, unless a worker has it (it then finishes, and
   * its result is kept for reuse). A request that joined the job between the cancel and the removal had
   * added itself to the waiters before adding the job (a no-op while it existed), so the waiters are read
   * again after the removal, and the job is put back for it.
   */
  async function dequeue(jobId: string): Promise<void> {
    const job = await queue.getJob(jobId);
    if (job === undefined || (await queue.remove(jobId).catch(() => 0)) !== 1) return;
    if ((await redis.scard(keys.groupWaiters(jobId))) > 0) await queue.add(GROUP_JOB_NAME, job.data, jobOptions(jobId, (job.opts.priority ?? 1) - 1));
  }

  /** The job as its owner sees it; `result` is the stored GradeResponse JSON when it was read already. */
  async function view(id: string, record: RequestRecord, result?: string | null): Promise<JobView> {
    const out: JobView = {
      id,
      status: record.status,
      progress: { groups_done: record.done, groups_total: record.total },
      created_at: new Date(record.createdMs).toISOString(),
      finished_at: record.finishedMs === null ? null : new Date(record.finishedMs).toISOString(),
    };
    if (record.status === 'completed') {
      const json = result === undefined ? await redis.get(keys.requestResult(id)) : result;
      if (json !== null) out.result = JSON.parse(json) as GradeResponse;
    }
    if (record.error !== null) out.error = record.error;
    return out;
  }

  /** The events a late subscriber gets first: the groups already final, in the order they became so (their positions). */
  async function finishedGroups(id: string, record: RequestRecord): Promise<PositionedEvent[]> {
    if (record.settings.advantage?.scale === 'batch') {
      if (record.status !== 'completed') return [];
      const result = await redis.get(keys.requestResult(id));
      const response = result === null ? null : (JSON.parse(result) as GradeResponse);
      return (response?.groups ?? []).map((g, index) => ({ type: 'group', position: index + 1, index, result: g }));
    }
    const order = await redis.lrange(keys.requestOrder(id), 0, -1);
    if (order.length === 0) return [];
    const results = await redis.hmget(keys.requestGroups(id), ...order);
    return order.flatMap((index, n) => {
      const result = results[n];
      return result === null || result === undefined ? [] : [{ type: 'group' as const, position: n + 1, index: Number(index), result: JSON.parse(result) as GroupResult }];
    });
  }

  return {
    submit: (request, owner, submitOptions = {}) =>
      guarded(async () => {
        const id = randomUUID();
        const digest = submitOptions.idempotencyKey === undefined ? '' : sha256(JSON.stringify(request));
        const settings = { ...(request.rewards === undefined ? {} : { rewards: request.rewards }), ...(request.advantage === undefined ? {} : { advantage: request.advantage }) };
        const payloads: GroupJobPayload[] = request.groups.map((group) => ({ v: 1, group, ...settings }));
        if (submitOptions.idempotencyKey !== undefined) {
          const slot = keys.idempotency(sha256(JSON.stringify([owner, submitOptions.idempotencyKey])));
          const existing = await claimIdempotency(slot, id, owner, digest);
          if (existing !== null) {
            // The first attempt may have been cut off (Redis restarting, the API killed) after writing its record
            // and before queuing its groups: the retry queues what is missing, so the job cannot hang.
            if (!isFinal(existing.record.status)) await dispatch(existing.record, payloads, submitOptions.priority ?? 0);
            return { id: existing.id };
          }
        }
        const base = { owner, total: request.groups.length, done: 0, createdMs: Date.now(), finishedMs: null, settings, digest, ttlMs: options.ttlMs };
        try {
          checkGradeSettings(request);
        } catch (error) {
          if (!(error instanceof AppError) || error.status >= 500) throw error;
          // A request the schema passed but the settings refuse fails as a job, as in embedded mode.
          const record: RequestRecord = { ...base, status: 'failed', finishedMs: base.createdMs, jobs: [], error: toJobError(error) };
          await redis.multi().hset(keys.request(id), recordFields(record)).pexpire(keys.request(id), options.ttlMs).exec();
          return { id };
        }
        const record: RequestRecord = { ...base, status: 'queued', jobs: payloads.map(groupJobId), error: null };
        await enqueue(id, record, payloads, submitOptions.priority ?? 0);
        return { id };
      }),

    get: (id, owner) =>
      guarded(async () => {
        // The record and the result (there once completed) in one round trip; another owner's job is not shown.
        const replies = (await redis.multi().hgetall(keys.request(id)).get(keys.requestResult(id)).exec()) ?? [];
        const fault = replies.find(([error]) => error !== null)?.[0];
        if (fault !== undefined && fault !== null) throw fault;
        const record = parseRecord((replies[0]?.[1] ?? {}) as Record<string, string>);
        return record === null || record.owner !== owner ? null : view(id, record, (replies[1]?.[1] ?? null) as string | null);
      }),

    subscribe: (id, owner, listener, subscribeOptions = {}) =>
      guarded(async () => {
        const groups = subscribeOptions.groups ?? true;
        hub ??= createEventHub(workerConnection(options.redisUrl, onError));
        const delivered = new Set<number>();
        let replaying = true;
        let ended = false;
        const buffered: PositionedEvent[] = [];
        let stopListening: () => void = () => {};
        let catchUpNow: () => void = () => {};
        const end = () => {
          ended = true;
          stopListening();
          subscriptions.delete(close);
        };
        // Group events go out in the order of their positions, the order every subscription of this job sees, so
        // that an SSE client resuming after its n-th event (Last-Event-ID) skips exactly what it got. An event
        // that comes early (a message before it was lost) waits for the read it triggers.
        let next = 1;
        const early = new Map<number, PositionedEvent>();
        const emit = (event: PositionedEvent) => {
          if (ended) return;
          if (event.type === 'group') {
            const { position, ...plain } = event;
            if (position !== undefined && position > next) {
              early.set(position, event);
              catchUpNow();
              return;
            }
            if (delivered.has(event.index)) return;
            delivered.add(event.index);
            next += 1;
            listener(plain);
            const waiting = early.get(next);
            if (waiting !== undefined) {
              early.delete(next);
              emit(waiting);
            }
            return;
          }
          listener(event);
          if (event.type === 'done') end();
        };
        const close = () => emit({ type: 'done', status: 'running' });
        // Listen first, then read what is already there: an event between the two is in both, and counted once.
        // A waiter for `done` alone skips the group events unparsed (they carry a whole group result each).
        const listening = hub.listen(keys.events(id), (message) => {
          if (!groups && message.startsWith(GROUP_EVENT_START)) return;
          const event = JSON.parse(message) as PositionedEvent;
          if (replaying) buffered.push(event);
          // Before `done`, the groups whose messages were lost (if any) are read, so the stream misses none.
          else if (event.type === 'done' && groups) void catchUp(false).then(() => emit(event), () => emit(event));
          else emit(event);
        });
        stopListening = () => void listening.then((stop) => stop(), () => {});
        // A subscription Redis has not confirmed within LISTEN_WAIT_MS (the subscriber reconnecting) is not waited
        // for: the reads below and the periodic catch-up deliver what it would have, a little later.
        await Promise.race([listening, timeout(LISTEN_WAIT_MS)]).catch(() => {});
        /** Emits the groups already final in Redis (each once); the record, or null when there is none (for this owner, when `ownerOnly`). */
        const catchUp = async (ownerOnly: boolean) => {
          const found = await store.read(id);
          if (found === null || (ownerOnly && found.owner !== owner)) return null;
          for (const event of groups ? await finishedGroups(id, found) : []) emit(event);
          return found;
        };
        // The read after listening is also the owner check (one round trip less): no such job for this owner is not listened to.
        const record = await catchUp(true).catch((error: unknown) => {
          stopListening();
          throw error;
        });
        if (record === null) {
          stopListening();
          return null;
        }
        subscriptions.add(close);
        replaying = false;
        for (const event of buffered.splice(0)) emit(event);
        if (isFinal(record.status)) emit({ type: 'done', status: record.status });
        if (ended) return end;
        // Pub/sub delivers at most once, and not at all while the subscriber is cut off (Redis restarting): the
        // job is read again soon after a reconnect, and every CATCH_UP_EVERY_MS anyway, so a lost message
        // delays an event, never loses it.
        let catchUpTimer: NodeJS.Timeout | undefined;
        const scheduleCatchUp = (ms: number) => {
          clearTimeout(catchUpTimer);
          catchUpTimer = setTimeout(() => {
            catchUp(false).then(
              (now) => {
                if (now === null) emit({ type: 'done', status: 'failed' });
                else if (isFinal(now.status)) emit({ type: 'done', status: now.status });
                if (!ended) scheduleCatchUp(CATCH_UP_EVERY_MS);
              },
              () => !ended && scheduleCatchUp(RESYNC_DELAY_MS),
            );
          }, ms);
          catchUpTimer.unref();
        };
        scheduleCatchUp(CATCH_UP_EVERY_MS);
        catchUpNow = () => scheduleCatchUp(0);
        if (early.size > 0) catchUpNow();
        const stopResync = hub.onReconnect(() => scheduleCatchUp(RESYNC_DELAY_MS));
        const stop = stopListening;
        stopListening = () => {
          stop();
          stopResync();
          clearTimeout(catchUpTimer);
        };
        return end;
      }),

    cancel: (id, owner) =>
      guarded(async () => {
        const record = await lookup(id, owner);
        if (record === null || isFinal(record.status)) return false;
        const orphaned = await store.cancel(id, owner, record);
        if (orphaned === null) return false; // a worker finished it first
        for (const jobId of orphaned) await dequeue(jobId);
        return true;
      }),

    async ready() {
      if (closed || redis.status !== 'ready') return false;
      const check = async () => (await redis.ping()) === 'PONG' && (await queue.getWorkers()).length > 0;
      return (await Promise.race([check().catch(() => false), timeout(READY_TIMEOUT_MS)])) === true;
    },

    backlog: () =>
      guarded(async () => {
        const counts = await queue.getJobCounts('waiting', 'prioritized', 'delayed');
        return Object.values(counts).reduce((sum, n) => sum + n, 0);
      }),

    stats: () =>
      guarded(async () => {
        // Counts of group jobs (the queue's depth) under the request statuses; completions are cluster-wide.
        const counts = await queue.getJobCounts('waiting', 'delayed', 'prioritized', 'active', 'failed');
        const jobs: Record<JobStatus, number> = {
          queued: (counts['waiting'] ?? 0) + (counts['delayed'] ?? 0) + (counts['prioritized'] ?? 0),
          running: counts['active'] ?? 0,
          completed: 0,
          failed: counts['failed'] ?? 0,
          cancelled: 0,
        };
        const completions = Object.fromEntries(Object.entries(await redis.hgetall(keys.completions())).map(([k, v]) => [k, Number(v)]));
        return { jobs, completions };
      }),

    async close() {
      if (closed) return;
      for (const end of [...subscriptions]) end();
      closed = true;
      await hub?.close();
      await queue.close().catch(onError);
      redis.disconnect();
    },
  };
}
