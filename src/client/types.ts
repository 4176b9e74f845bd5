/**
 * The wire shapes the SDK sends and receives. Grading shapes are the TypeBox-inferred types of
 * src/core/schemas, imported as types only (the SDK ships no schema code). The few shapes only the HTTP
 * API declares (src/api/schemas.ts, which the SDK must not import) are restated here from core types;
 * `types.test.ts` checks that they stay equal to the API's.
 */
import type { Problem } from '../core/errors.ts';
import type { JobGroupEvent, JobStatus, JobView } from '../core/schemas/job.ts';
import type { AdvantageRequest, GradeRequest } from '../core/schemas/request.ts';
import type { GradeResponse, GroupResult, GroupStats, ResolvedAdvantage } from '../core/schemas/result.ts';

export type { AdvantageRequest, GradeRequest, GradeResponse, GroupResult, JobGroupEvent, JobStatus, JobView, Problem };

/** `202` of `POST /v1/grade` (past the server's wait) and of `POST /v1/jobs`. */
export interface JobAccepted {
  id: string;
  status_url: string;
  events_url: string;
}

/** `POST /v1/advantages`: per group, the advantages and statistics of the rewards sent. */
export interface AdvantageResponse {
  groups: { id: string | null; advantages: (number | null)[]; stats: GroupStats }[];
  advantage: ResolvedAdvantage;
}

/** Every error answer of the server. */
export interface ErrorBody {
  error: { code: string; message: string; request_id: string; problems?: { path: string; message: string }[] };
}
