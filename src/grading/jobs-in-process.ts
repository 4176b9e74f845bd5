/**
 * The embedded job service: jobs held in this process's memory, graded by a Grader (the worker-thread
 * pool), results kept for a TTL after they finish. Nothing survives a restart; the queue service is
 * the durable one.
 */
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../core/errors.ts';
import { FINAL_JOB_STATUSES, type JobError, type JobGroupEvent, type JobStatus, type JobView } from '../core/schemas/job.ts';
import type { GradeRequest } from '../core/schemas/request.ts';
import type { GradeResponse } from '../core/schemas/result.ts';
import type { Grader } from './grader.ts';
import type { JobEvent, JobListener, JobService, SubmitOptions } from './jobs.ts';

export interface InProcessJobsOptions {
  /** How long a finished job (and its results) stays readable, in ms. */
  readonly ttlMs: number;
  /** Milliseconds since the epoch. Default `Date.now`; injected by tests to expire jobs. */
  readonly clock?: () => number;
  /**
   * Jobs handed to the grader at once; the others wait as `queued` (and cancel without cost).
   * Default Infinity: the grader's pool does the queueing, so small concurrent jobs (one OpenRLHF
   * sample per request) share the threads.
   */
  readonly maxRunningJobs?: number;
  /** On close, how long running jobs may go on finishing before they are failed with GRADER_CLOSED. Default 10000. */
  readonly drainMs?: number;
  /** Hears faults that are not the caller's (they reach the caller as INTERNAL only). */
  readonly onError?: (error: unknown, jobId: string) => void;
}

interface JobRecord {
  readonly id: string;
  readonly owner: string | null;
  readonly groupsTotal: number;
  readonly createdAt: number;
  /** Dropped once handed to the grader, so a finished job holds only its results. */
  request: GradeRequest | null;
  status: JobStatus;
  finishedAt: number | null;
  readonly finished: JobGroupEvent[];
  result: GradeResponse | null;
  error: JobError | null;
  readonly listeners: Set<JobListener>;
  readonly idempotency: { readonly slot: string; readonly digest: string } | null;
}

const SWEEP_EVERY_MS = 60_000;

function digestOf(request: GradeRequest): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

function isFinal(status: JobStatus): boolean {
  return FINAL_JOB_STATUSES.includes(status);
}

/**
 * Builds the embedded job service over `grader`. The service owns the grader: `close()` closes it.
 * A running job that is cancelled keeps its threads busy until its current groups end (the Grader
 * has no abort), but every later result is dropped.
 * @example
 * const jobs = createInProcessJobs(createInProcessGrader({ threads: 2, completionTimeoutMs: 10_000 }), { ttlMs: 3_600_000 });
 * const { id } = await jobs.submit(request, null);
 * const view = await waitForJob(jobs, id, null, 30_000);
 */
export function createInProcessJobs(grader: Grader, options: InProcessJobsOptions): JobService {
  const clock = options.clock ?? Date.now;
  const maxRunning = options.maxRunningJobs ?? Infinity;
  const records = new Map<string, JobRecord>();
  const byIdempotencyKey = new Map<string, string>();
  const pending: JobRecord[] = [];
  const completions: Record<string, number> = {};
  const running = new Set<Promise<unknown>>();
  let closed = false;

  const sweeper = setInterval(sweep, Math.min(options.ttlMs, SWEEP_EVERY_MS));
  sweeper.unref();

  function expired(record: JobRecord): boolean {
    return record.finishedAt !== null && clock() - record.finishedAt >= options.ttlMs;
  }

  function forget(record: JobRecord): void {
    records.delete(record.id);
    if (record.idempotency !== null && byIdempotencyKey.get(record.idempotency.slot) === record.id) byIdempotencyKey.delete(record.idempotency.slot);
  }

  function sweep(): void {
    for (const record of records.values()) if (expired(record)) forget(record);
  }

  function lookup(id: string, owner: string | null): JobRecord | null {
    const record = records.get(id);
    if (record === undefined) return null;
    if (expired(record)) {
      forget(record);
      return null;
    }
    return record.owner === owner ? record : null;
  }

  function emit(record: JobRecord, event: JobEvent): void {
    for (const listener of [...record.listeners]) {
      try {
        listener(event);
      } catch (error) {
        options.onError?.(error, record.id);
      }
    }
  }

  function finish(record: JobRecord, status: JobStatus): void {
    record.status = status;
    record.finishedAt = clock();
    record.request = null;
    emit(record, { type: 'done', status });
    record.listeners.clear();
  }

  function toJobError(error: unknown, record: JobRecord): JobError {
    if (error instanceof AppError && error.status < 500) {
      return error.problems.length > 0
        ? { code: error.code, message: error.message, problems: error.problems.map((p) => ({ ...p })) }
        : { code: error.code, message: error.message };
    }
    if (error instanceof AppError && error.code === 'GRADER_CLOSED') return { code: error.code, message: error.message };
    options.onError?.(error, record.id);
    return { code: 'INTERNAL', message: 'internal error' };
  }

  function reportGroup(record: JobRecord, event: JobGroupEvent): void {
    record.finished.push(event);
    emit(record, { type: 'group', ...event });
  }

  function complete(record: JobRecord, response: GradeResponse): void {
    // A grader that reports no groups on the way (or skipped some) still yields one event per group.
    const reported = new Set(record.finished.map((e) => e.index));
    response.groups.forEach((result, index) => reported.has(index) || reportGroup(record, { index, result }));
    for (const group of response.groups) for (const r of group.results) completions[r.status] = (completions[r.status] ?? 0) + 1;
    record.result = response;
    finish(record, 'completed');
  }

  function start(record: JobRecord, request: GradeRequest): void {
    record.status = 'running';
    record.request = null;
    const work = grader
      .grade(request, { onGroup: (index, result) => record.status === 'running' && reportGroup(record, { index, result }) })
      .then(
        (response) => record.status === 'running' && complete(record, response),
        (error: unknown) => {
          if (record.status !== 'running') return;
          record.error = toJobError(error, record);
          finish(record, 'failed');
        },
      )
      .finally(() => {
        running.delete(work);
        pump();
      });
    running.add(work);
  }

  function pump(): void {
    while (!closed && running.size < maxRunning && pending.length > 0) {
      const record = pending.shift();
      if (record?.request) start(record, record.request);
    }
  }

  function view(record: JobRecord): JobView {
    const out: JobView = {
      id: record.id,
      status: record.status,
      progress: { groups_done: record.finished.length, groups_total: record.groupsTotal },
      created_at: new Date(record.createdAt).toISOString(),
      finished_at: record.finishedAt === null ? null : new Date(record.finishedAt).toISOString(),
    };
    if (record.result !== null) out.result = record.result;
    if (record.error !== null) out.error = record.error;
    return out;
  }

  return {
    async submit(request, owner, submitOptions: SubmitOptions = {}) {
      if (closed) throw new AppError('GRADER_CLOSED', 'the service is shutting down');
      let idempotency: JobRecord['idempotency'] = null;
      if (submitOptions.idempotencyKey !== undefined) {
        idempotency = { slot: `${owner ?? ''}\u0000${submitOptions.idempotencyKey}`, digest: digestOf(request) };
        const existingId = byIdempotencyKey.get(idempotency.slot);
        const existing = existingId === undefined ? null : lookup(existingId, owner);
        if (existing !== null) {
          if (existing.idempotency?.digest !== idempotency.digest) {
            throw new AppError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used for a different request');
          }
          return { id: existing.id };
        }
      }
      const record: JobRecord = {
        id: randomUUID(),
        owner,
        groupsTotal: request.groups.length,
        createdAt: clock(),
        request,
        status: 'queued',
        finishedAt: null,
        finished: [],
        result: null,
        error: null,
        listeners: new Set(),
        idempotency,
      };
      records.set(record.id, record);
      if (idempotency !== null) byIdempotencyKey.set(idempotency.slot, record.id);
      pending.push(record);
      pump();
      return { id: record.id };
    },

    async get(id, owner) {
      const record = lookup(id, owner);
      return record === null ? null : view(record);
    },

    async subscribe(id, owner, listener) {
      const record = lookup(id, owner);
      if (record === null) return null;
      let active = true;
      const guarded: JobListener = (event) => active && listener(event);
      for (const event of [...record.finished]) guarded({ type: 'group', ...event });
      if (isFinal(record.status)) {
        guarded({ type: 'done', status: record.status });
        return () => {};
      }
      record.listeners.add(guarded);
      return () => {
        active = false;
        record.listeners.delete(guarded);
      };
    },

    async cancel(id, owner) {
      const record = lookup(id, owner);
      if (record === null || isFinal(record.status)) return false;
      const queuedAt = pending.indexOf(record);
      if (queuedAt >= 0) pending.splice(queuedAt, 1);
      finish(record, 'cancelled');
      return true;
    },

    async ready() {
      return !closed;
    },

    async stats() {
      sweep();
      const jobs: Record<JobStatus, number> = { queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0 };
      for (const record of records.values()) jobs[record.status] += 1;
      return { jobs, completions: { ...completions } };
    },

    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweeper);
      const failUnfinished = (only?: JobStatus) => {
        for (const record of records.values()) {
          if (isFinal(record.status) || (only !== undefined && record.status !== only)) continue;
          record.error = { code: 'GRADER_CLOSED', message: 'the service shut down before the job finished' };
          finish(record, 'failed');
        }
      };
      pending.length = 0;
      failUnfinished('queued');
      // Running jobs may finish (their subscribers get their results); past the drain they are failed.
      let drainTimer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...running]),
        new Promise((resolve) => (drainTimer = setTimeout(resolve, options.drainMs ?? 10_000))),
      ]);
      clearTimeout(drainTimer);
      failUnfinished();
      await grader.close();
    },
  };
}
