/**
 * Grading jobs (POST /v1/jobs, GET /v1/jobs/:id, SSE events): one schema per shape, shared by the job
 * services (embedded and queue) and the API, whose OpenAPI document is generated from them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { GradeResponse, GroupResult } from './result.ts';

export const JobStatus = Type.Union(
  [Type.Literal('queued'), Type.Literal('running'), Type.Literal('completed'), Type.Literal('failed'), Type.Literal('cancelled')],
  { description: 'queued → running → completed | failed; cancelled by DELETE /v1/jobs/:id. The last three are final.' },
);

/** The final statuses: the job's results (or error) no longer change. */
export const FINAL_JOB_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

export const JobId = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$', description: 'Job id, as returned by POST /v1/jobs.' });

export const JobProgress = Type.Object(
  {
    groups_done: Type.Integer({ minimum: 0, description: 'Groups whose final result is known.' }),
    groups_total: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

export const JobError = Type.Object(
  {
    code: Type.String({ description: 'A code of the error table (README "Errors").' }),
    message: Type.String(),
    problems: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }, { additionalProperties: false }))),
  },
  { additionalProperties: false },
);

export const JobView = Type.Object(
  {
    id: JobId,
    status: JobStatus,
    progress: JobProgress,
    created_at: Type.String({ format: 'date-time' }),
    finished_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    result: Type.Optional(GradeResponse),
    error: Type.Optional(JobError),
  },
  { additionalProperties: false, description: '`result` when completed, `error` when failed.' },
);

/** One finished group, in completion order (not request order: `index` says which). */
export const JobGroupEvent = Type.Object(
  { index: Type.Integer({ minimum: 0, description: 'Position of the group in the request.' }), result: GroupResult },
  { additionalProperties: false },
);

/** The last event of a job. */
export const JobDoneEvent = Type.Object({ status: JobStatus }, { additionalProperties: false });

export type JobStatus = Static<typeof JobStatus>;
export type JobProgress = Static<typeof JobProgress>;
export type JobError = Static<typeof JobError>;
export type JobView = Static<typeof JobView>;
export type JobGroupEvent = Static<typeof JobGroupEvent>;
export type JobDoneEvent = Static<typeof JobDoneEvent>;
