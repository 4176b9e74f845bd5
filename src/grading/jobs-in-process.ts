/**
 * The embedded job service: jobs held in this process's memory, graded by a Grader (the worker-thread
 * pool), results kept for a TTL after they finish. Nothing survives a restart; the queue service is
 * the durable one.
 *
 * Jobs are graded group by group, like the queue workers do: at most `maxGroupsInFlight` groups are
 * with the grader at once, and the next one is taken from the most urgent job (lowest priority, then
 * oldest). So priorities hold across jobs, and cancelling a job stops every group of it not yet started.
 */
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../core/errors.ts';
import { FINAL_JOB_STATUSES, type JobError, type JobGroupEvent, type JobStatus, type JobView } from '../core/schemas/job.ts';
import type { GradeRequest } from '../core/schemas/request.ts';
import type { GradeResponse, GroupResult } from '../core/schemas/result.ts';
import type { Grader } from './grader.ts';
import { assembleResponse } from './jobs-assemble.ts';
import type { JobEvent, JobListener, JobService, SubmitOptions } from './jobs.ts';
import { checkGradeSettings } from './pipeline.ts';

export interface InProcessJobsOptions {
  /** How long a finished job (and its results) stays readable, in ms. */
  readonly ttlMs: number;
  /** Milliseconds since the epoch. Default `Date.now`; injected by tests to expire jobs. */
  readonly clock?: () => number;
  /**
   * Groups handed to the grader at once, across jobs (`ARBITER_WORKER_CONCURRENCY`, 2 × threads by
   * default in `arbiter serve`); the others wait in priority order and cancel without cost. Default 16.
   */
  readonly maxGroupsInFlight?: number;
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
  readonly priority: number;
  /** Submission order: ties of priority go to the older job. */
  readonly seq: number;
  readonly settings: Pick<GradeRequest, 'rewards' | 'advantage'>;
  /** The groups still to hand out; dropped once all are with the grader, so a finished job holds only its results. */
  groups: GradeRequest['groups'] | null;
  nextGroup: number;
  readonly graded: (GroupResult | undefined)[];
  gradedCount: number;
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

function settingsOf(request: GradeRequest): Pick<GradeRequest, 'rewards' | 'advantage'> {
  return { ...(request.rewards === undefined ? {} : { rewards: request.rewards }), ...(request.advantage === undefined ? {} : { advantage: request.advantage }) };
}

/**
 * Builds the embedded job service over `grader`. The service owns the grader: `close()` closes it.
 * A cancelled job's groups that are with the grader run to their end (the Grader has no abort), but
 * its later groups never start and every late result is dropped.
 * @example
 * const jobs = createInProcessJobs(createInProcessGrader({ threads: 2, completionTimeoutMs: 10_000 }), { ttlMs: 3_600_000 });
 * const { id } = await jobs.submit(request, null, { priority: 0 });
 * const view = await waitForJob(jobs, id, null, 30_000);
 */
export function createInProcessJobs(grader: Grader, options: InProcessJobsOptions): JobService {
  const clock = options.clock ?? Date.now;
  const maxInFlight = options.maxGroupsInFlight ?? 16;
  const records = new Map<string, JobRecord>();
  const byIdempotencyKey = new Map<string, string>();
  /** Jobs with groups left to hand out, most urgent first. */
  const ready: JobRecord[] = [];
  const completions: Record<string, number> = {};
  const inFlight = new Set<Promise<unknown>>();
  let seq = 0;
  let closing = false;
  let onIdle: (() => void) | null = null;

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

  function unready(record: JobRecord): void {
    const at = ready.indexOf(record);
    if (at >= 0) ready.splice(at, 1);
  }

  function finish(record: JobRecord, status: JobStatus): void {
    unready(record);
    record.status = status;
    record.finishedAt = clock();
    record.groups = null;
    record.graded.length = 0;
    emit(record, { type: 'done', status });
    record.listeners.clear();
  }

  function toJobError(error: unknown, record: JobRecord): JobError {
    if (error instanceof AppError && error.status < 500) {
      return error.problems.length > 0
        ? { code: error.code, message: error.message, problems: error.problems.map((p) => ({ ...p })) }
        : { code: error.code, message: error.message };
    }
    if (error instanceof AppError && (error.code === 'GRADER_CLOSED' || error.code === 'SANDBOX_UNAVAILABLE')) return { code: error.code, message: error.message };
    options.onError?.(error, record.id);
    return { code: 'INTERNAL', message: 'internal error' };
  }

  function reportGroup(record: JobRecord, event: JobGroupEvent): void {
    record.finished.push(event);
    emit(record, { type: 'group', ...event });
  }

  function complete(record: JobRecord, response: GradeResponse): void {
    // With scale batch no group was final before now: its events go out with the response, in request order.
    const reported = new Set(record.finished.map((e) => e.index));
    response.groups.forEach((result, index) => reported.has(index) || reportGroup(record, { index, result }));
    for (const group of response.groups) for (const r of group.results) completions[r.status] = (completions[r.status] ?? 0) + 1;
    record.result = response;
    finish(record, 'completed');
  }

  function landed(record: JobRecord, index: number, result: GroupResult): void {
    if (record.status !== 'running') return; // cancelled or failed meanwhile: dropped
    record.graded[index] = result;
    record.gradedCount += 1;
    if (record.settings.advantage?.scale !== 'batch') reportGroup(record, { index, result });
    if (record.gradedCount === record.groupsTotal) complete(record, assembleResponse(record.graded as GroupResult[], record.settings.advantage));
  }

  function dispatch(record: JobRecord, index: number, group: GradeRequest['groups'][number]): void {
    record.status = 'running';
    const work = grader
      .grade({ groups: [group], ...record.settings })
      .then(({ groups }) => {
        if (groups[0] === undefined) throw new Error('the grader returned no group');
        landed(record, index, groups[0]);
      })
      .catch((error: unknown) => {
        if (record.status !== 'running') return;
        record.error = toJobError(error, record);
        finish(record, 'failed');
      })
      .finally(() => {
        inFlight.delete(work);
        pump();
      });
    inFlight.add(work);
  }

  function pump(): void {
    while (inFlight.size < maxInFlight && ready.length > 0) {
      const record = ready[0] as JobRecord;
      const index = record.nextGroup++;
      const group = record.groups?.[index];
      if (record.nextGroup >= record.groupsTotal) {
        ready.shift();
        record.groups = null;
      }
      if (group !== undefined) dispatch(record, index, group);
    }
    if (closing && inFlight.size === 0 && ready.length === 0) onIdle?.();
  }

  /** Queues the job after every job at least as urgent. */
  function enqueue(record: JobRecord): void {
    const after = ready.findIndex((other) => other.priority > record.priority);
    if (after < 0) ready.push(record);
    else ready.splice(after, 0, record);
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

  function newRecord(request: GradeRequest, owner: string | null, priority: number, idempotency: JobRecord['idempotency']): JobRecord {
    return {
      id: randomUUID(),
      owner,
      groupsTotal: request.groups.length,
      createdAt: clock(),
      priority,
      seq: seq++,
      settings: settingsOf(request),
      groups: request.groups,
      nextGroup: 0,
      graded: [],
      gradedCount: 0,
      status: 'queued',
      finishedAt: null,
      finished: [],
      result: null,
      error: null,
      listeners: new Set(),
      idempotency,
    };
  }

  return {
    async submit(request, owner, submitOptions: SubmitOptions = {}) {
      if (closing) throw new AppError('GRADER_CLOSED', 'the service is shutting down');
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
      const record = newRecord(request, owner, submitOptions.priority ?? 0, idempotency);
      records.set(record.id, record);
      if (idempotency !== null) byIdempotencyKey.set(idempotency.slot, record.id);
      try {
        checkGradeSettings(request);
      } catch (error) {
        // A request the schema passed but the settings refuse fails as a job, before any group is graded.
        record.error = toJobError(error, record);
        finish(record, 'failed');
        return { id: record.id };
      }
      enqueue(record);
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
      finish(record, 'cancelled');
      return true;
    },

    async ready() {
      return !closing;
    },

    async backlog() {
      let groups = 0;
      for (const record of ready) groups += (record.groups?.length ?? 0) - record.nextGroup;
      return groups;
    },

    async stats() {
      sweep();
      const jobs: Record<JobStatus, number> = { queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0 };
      for (const record of records.values()) jobs[record.status] += 1;
      return { jobs, completions: { ...completions } };
    },

    async close() {
      if (closing) return;
      closing = true;
      clearInterval(sweeper);
      const failUnfinished = (only?: JobStatus) => {
        for (const record of records.values()) {
          if (isFinal(record.status) || (only !== undefined && record.status !== only)) continue;
          record.error = { code: 'GRADER_CLOSED', message: 'the service shut down before the job finished' };
          finish(record, 'failed');
        }
      };
      failUnfinished('queued');
      // Running jobs may finish, their later groups included (their subscribers get their results); past the drain they are failed.
      let drainTimer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        onIdle = resolve;
        drainTimer = setTimeout(resolve, options.drainMs ?? 10_000);
        pump();
      });
      clearTimeout(drainTimer);
      failUnfinished();
      await grader.close();
    },
  };
}
