import { describe, expect, it } from 'vitest';
import type { JobView } from '../core/schemas/job.ts';
import type { GradeResponse } from '../core/schemas/result.ts';
import { jobOutcome } from './jobs.ts';

const result: GradeResponse = { groups: [], advantage: { estimator: 'grpo', scale: 'group', std: 'sample', epsilon: 1e-6 } } as unknown as GradeResponse;
const view = (status: JobView['status'], extra: Partial<JobView> = {}): JobView =>
  ({ id: 'j', status, created_at: '', progress: { groups_done: 0, groups_total: 1 }, ...extra }) as JobView;

describe('what a waited-for job came to (POST /v1/grade, /get_reward, group barriers)', () => {
  it('is the result of a completed job, nothing yet for one still queued or running', () => {
    expect(jobOutcome(view('completed', { result }))).toEqual({ result });
    expect(jobOutcome(view('queued'))).toBeNull();
    expect(jobOutcome(view('running'))).toBeNull();
  });

  it('is the error to answer with otherwise: the job’s own, JOB_CANCELLED, JOB_NOT_FOUND once expired, INTERNAL without one', () => {
    const error = { code: 'GROUP_STALLED', message: 'the worker grading group 0 died' };
    expect(jobOutcome(view('failed', { error }))).toEqual({ error });
    expect(jobOutcome(view('failed'))).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } });
    expect(jobOutcome(view('completed'))).toEqual({ error: { code: 'INTERNAL', message: 'internal error' } });
    expect(jobOutcome(view('cancelled'))).toEqual({ error: { code: 'JOB_CANCELLED', message: 'the job was cancelled before it finished' } });
    expect(jobOutcome(null)).toEqual({ error: { code: 'JOB_NOT_FOUND', message: 'the job expired before it could be answered' } });
  });
});
