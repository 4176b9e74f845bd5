/**
 * POST /v1/grade for requests whose groups carry `group: { id, size, offset?, wait_ms? }` (README
 * "Group barrier"): each such slice waits in the barrier (src/grading/barrier.ts) for the rest of its
 * group, the sealed group is graded once for every caller (its job's idempotency key is derived from
 * the owner and the sealed group's content, so all callers share one job), and each caller gets its
 * own completions' results, in its order, with the whole group's statistics and advantages.
 */
import { createHash, randomUUID } from 'node:crypto';
import { AppError, type Problem } from '../core/errors.ts';
import type { JobError } from '../core/schemas/job.ts';
import type { GradeRequest } from '../core/schemas/request.ts';
import type { GradeResponse, GroupResult } from '../core/schemas/result.ts';
import { joinBarrier, type AssembledGroup, type BarrierStore } from '../grading/barrier.ts';
import { jobOutcome, waitForJob, type JobService } from '../grading/jobs.ts';

type RequestGroup = GradeRequest['groups'][number];

/** True when any group of the request is a slice of a group split across requests. */
export function hasBarrierGroups(request: GradeRequest): boolean {
  return request.groups.some((group) => group.group !== undefined);
}

/** What the schema cannot say about barrier slices, by JSON path. */
export function barrierProblems(request: GradeRequest): Problem[] {
  const problems: Problem[] = [];
  request.groups.forEach((group, i) => {
    const tag = group.group;
    if (tag === undefined) return;
    if (group.completions.length > tag.size) problems.push({ path: `groups[${i}].completions`, message: `has ${group.completions.length} completions, more than group.size ${tag.size}` });
    else if (tag.offset !== undefined && tag.offset + group.completions.length > tag.size) {
      problems.push({ path: `groups[${i}].group.offset`, message: `offset ${tag.offset} + ${group.completions.length} completions exceeds group.size ${tag.size}` });
    }
  });
  if (request.advantage?.scale === 'batch') {
    problems.push({ path: 'advantage.scale', message: '"batch" needs the whole batch in one request: use "group" or "none" with group barriers' });
  }
  return problems;
}

/** A job that did not complete, as the route answers it. */
export class BarrierJobFailed extends Error {
  constructor(readonly error: JobError | undefined) {
    super(error?.message ?? 'the job failed');
  }
}

export interface BarrierGradeOptions {
  readonly jobs: JobService;
  readonly store: BarrierStore;
  readonly owner: string | null;
  readonly idempotencyKey: string | undefined;
  readonly priority: number | undefined;
  /** Wait for the other slices when a slice names none (`group.wait_ms`), and the most it may name. */
  readonly defaultWaitMs: number;
  readonly maxWaitMs: number;
}

function digest(owner: string | null, value: unknown): string {
  return createHash('sha256').update(JSON.stringify([owner, value])).digest('hex');
}

/**
 * Grades a request with barrier groups (validated, `barrierProblems` empty); resolves when every
 * group is graded, rejects with {@link BarrierJobFailed} when one of its jobs failed or was cancelled.
 */
export async function gradeWithBarrier(request: GradeRequest, options: BarrierGradeOptions): Promise<GradeResponse> {
  const { groups, ...settings } = request;
  const { jobs, owner, priority } = options;
  const sliceKey = options.idempotencyKey ?? randomUUID();
  const grade = async (body: GradeRequest, idempotencyKey: string | undefined): Promise<GradeResponse> => {
    const { id } = await jobs.submit(body, owner, { ...(idempotencyKey === undefined ? {} : { idempotencyKey }), ...(priority === undefined ? {} : { priority }) });
    const outcome = jobOutcome(await waitForJob(jobs, id, owner, Number.POSITIVE_INFINITY));
    if (outcome !== null && 'result' in outcome) return outcome.result;
    throw new BarrierJobFailed(outcome?.error);
  };

  const plain: Array<{ index: number; group: RequestGroup }> = [];
  const sliced: Array<Promise<{ index: number; result: GroupResult; advantage: GradeResponse['advantage'] }>> = [];
  groups.forEach((group, index) => {
    const { group: tag, ...rest } = group;
    if (tag === undefined) return void plain.push({ index, group });
    sliced.push(
      (async () => {
        const assembled: AssembledGroup = await joinBarrier(options.store, {
          owner,
          groupId: tag.id,
          size: tag.size,
          offset: tag.offset,
          sliceKey: `${sliceKey}/${index}`,
          completions: group.completions,
          waitMs: Math.min(tag.wait_ms ?? options.defaultWaitMs, options.maxWaitMs),
        }).catch((error: unknown) => {
          // The store is Redis in queue mode: a fault there is the queue's, retried by clients.
          throw new AppError('QUEUE_UNAVAILABLE', `the group barrier is unavailable: ${error instanceof Error ? error.message : String(error)}`);
        });
        const whole: GradeRequest = { ...settings, groups: [{ ...rest, completions: assembled.completions as RequestGroup['completions'] }] };
        const response = await grade(whole, `barrier:${digest(owner, whole)}`);
        const graded = response.groups[0] as GroupResult;
        const result: GroupResult = {
          id: graded.id,
          results: assembled.positions.map((position) => graded.results[position] as GroupResult['results'][number]),
          stats: graded.stats,
          group: { id: tag.id, size: tag.size, received: assembled.completions.length, partial: assembled.partial },
        };
        return { index, result, advantage: response.advantage };
      })(),
    );
  });
  const plainResponse = plain.length > 0 ? grade({ ...settings, groups: plain.map((p) => p.group) }, options.idempotencyKey) : undefined;
  const [plainResult, slicedResults] = await Promise.all([plainResponse, Promise.all(sliced)]);
  const results: GroupResult[] = new Array(groups.length);
  plain.forEach((p, k) => {
    results[p.index] = plainResult?.groups[k] as GroupResult;
  });
  for (const { index, result } of slicedResults) results[index] = result;
  // Every job had the same reward and advantage settings, so any of them names the resolved advantage.
  const advantage = plainResult?.advantage ?? slicedResults[0]?.advantage;
  if (advantage === undefined) throw new AppError('INTERNAL', 'a request with no groups reached the barrier');
  return { groups: results, advantage };
}
