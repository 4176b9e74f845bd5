/**
 * The job service every way in that outlives one call uses (API: submit and poll, stream, cancel).
 * Two implementations share this interface: in process over a Grader (`jobs-in-process.ts`, the
 * embedded default) and through the queue (cluster mode). Jobs belong to an owner (the API key that
 * created them, `null` on an open server); another owner's job is invisible, exactly like a missing one.
 */
import type { JobDoneEvent, JobError, JobGroupEvent, JobStatus, JobView } from '../core/schemas/job.ts';
import type { GradeRequest } from '../core/schemas/request.ts';
import type { GradeResponse } from '../core/schemas/result.ts';

/** What a subscriber hears: each finished group in completion order, then exactly one `done`. */
export type JobEvent = ({ type: 'group' } & JobGroupEvent) | ({ type: 'done' } & JobDoneEvent);

export type JobListener = (event: JobEvent) => void;

/** The largest job priority (the least urgent). */
export const MAX_JOB_PRIORITY = 1_000_000;

export interface SubmitOptions {
  /** Same key and same owner → the same job (not graded twice). A different body under a used key → 422 IDEMPOTENCY_KEY_REUSED. */
  readonly idempotencyKey?: string;
  /**
   * 0 (default) … MAX_JOB_PRIORITY; lower is graded first, equal priorities in submission order (so older
   * training steps go first). A trainer that overlaps steps can pass its step number; background evaluation
   * a large one. Applies to groups not yet started: work already running is never preempted.
   */
  readonly priority?: number;
}

export interface SubscribeOptions {
  /**
   * False: the caller waits for `done` only, so the service may leave out the group events (queue mode
   * then neither reads the groups already finished nor parses the group events). Default true.
   */
  readonly groups?: boolean;
}

/** Counts for /metrics. */
export interface JobStats {
  /** Jobs currently held, by status. */
  readonly jobs: Readonly<Record<JobStatus, number>>;
  /** Completions graded since start, by result status (monotonic). */
  readonly completions: Readonly<Record<string, number>>;
}

export interface JobService {
  /** Accepts a validated request. Rejects only when the work cannot be accepted (shutdown, queue down, key reuse). */
  submit(request: GradeRequest, owner: string | null, options?: SubmitOptions): Promise<{ id: string }>;
  /** The job as its owner sees it, or null (unknown, expired, or another owner's). */
  get(id: string, owner: string | null): Promise<JobView | null>;
  /**
   * Calls `listener` with the groups already finished, then with each further one, then `done`
   * (with `{ groups: false }`: only `done`, as far as the service can spare the rest).
   * Returns the unsubscribe function, or null when there is no such job for this owner.
   */
  subscribe(id: string, owner: string | null, listener: JobListener, options?: SubscribeOptions): Promise<(() => void) | null>;
  /** Cancels the job's work that has not started. True when the job was cancelled by this call. */
  cancel(id: string, owner: string | null): Promise<boolean>;
  /** True when the service can take work (embedded: the grader is open; cluster: Redis and workers reachable). */
  ready(): Promise<boolean>;
  stats(): Promise<JobStats>;
  /** Groups accepted and not yet with a grader (embedded) or a worker (cluster, across every API replica): the backlog load shedding reads. */
  backlog(): Promise<number>;
  /** Stops taking work, ends every subscription with `done`, releases what the service owns. */
  close(): Promise<void>;
}

/**
 * Waits until the job is final or `timeoutMs` has passed (`Infinity`: no bound), then returns its view.
 * Null when the job does not exist for this owner.
 * @example const view = await waitForJob(jobs, id, owner, 30_000); if (view?.status === 'completed') send(view.result);
 */
export async function waitForJob(jobs: JobService, id: string, owner: string | null, timeoutMs: number): Promise<JobView | null> {
  let finished = false;
  let unsubscribe: (() => void) | null = null;
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve) => {
    const finish = () => {
      finished = true;
      clearTimeout(timer);
      unsubscribe?.();
      resolve();
    };
    if (Number.isFinite(timeoutMs)) timer = setTimeout(finish, timeoutMs);
    jobs.subscribe(id, owner, (event) => event.type === 'done' && finish(), { groups: false }).then(
      (u) => {
        unsubscribe = u;
        if (u === null || finished) finish();
      },
      finish,
    );
  });
  return jobs.get(id, owner);
}

/**
 * What a waited-for job came to, as a call that waited on it answers: its result; the error to answer with
 * (the job's own, JOB_CANCELLED, JOB_NOT_FOUND once it expired, INTERNAL for a completed job without a
 * result); or null while it is still queued or running.
 * @example const outcome = jobOutcome(await waitForJob(jobs, id, owner, 30_000)); if (outcome !== null && 'result' in outcome) send(outcome.result);
 */
export function jobOutcome(view: JobView | null): { readonly result: GradeResponse } | { readonly error: JobError } | null {
  if (view === null) return { error: { code: 'JOB_NOT_FOUND', message: 'the job expired before it could be answered' } };
  switch (view.status) {
    case 'completed':
      return view.result === undefined ? { error: { code: 'INTERNAL', message: 'internal error' } } : { result: view.result };
    case 'failed':
      return { error: view.error ?? { code: 'INTERNAL', message: 'internal error' } };
    case 'cancelled':
      return { error: { code: 'JOB_CANCELLED', message: 'the job was cancelled before it finished' } };
    default:
      return null;
  }
}
