/**
 * Shapes only the HTTP API has (error body, 202 answers, /v1/advantages and /get_reward bodies). The
 * grading shapes themselves come from src/core/schemas, so the OpenAPI document and the CLI share them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { JobId } from '../core/schemas/job.ts';
import { GradeRequest } from '../core/schemas/request.ts';
import { GroupStats, ResolvedAdvantage } from '../core/schemas/result.ts';
import { MAX_JOB_PRIORITY } from '../grading/jobs.ts';

/** POST /v1/grade and POST /v1/jobs: a grading request, plus how urgent it is (a job's property, not the grading's). */
export const SubmitBody = Type.Object(
  {
    ...GradeRequest.properties,
    priority: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_JOB_PRIORITY,
        description:
          'Lower is graded first; equal priorities in submission order (older training steps first). Default 0. A trainer overlapping steps can send its step number, background evaluation a large one. Not part of the body compared for Idempotency-Key.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ErrorBody = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String({ description: 'Stable code (README "Errors").' }),
        message: Type.String(),
        request_id: Type.String({ description: 'Also in the x-request-id header and in the server logs.' }),
        problems: Type.Optional(
          Type.Array(Type.Object({ path: Type.String({ description: 'JSON path, e.g. groups[3].completions[0].' }), message: Type.String() })),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, description: 'Every error answer.' },
);

export const JobAccepted = Type.Object(
  {
    id: JobId,
    status_url: Type.String({ description: 'GET it for status, progress and results.' }),
    events_url: Type.String({ description: 'GET it for Server-Sent Events, one per finished group.' }),
  },
  { additionalProperties: false },
);

export const JobParams = Type.Object({ id: JobId }, { additionalProperties: false });

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ minLength: 1, maxLength: 256, description: 'Same key (per API key) and same body → the same job, graded once; another body → 422.' }),
  ),
});

export const AdvantageResponse = Type.Object(
  {
    groups: Type.Array(
      Type.Object(
        {
          id: Type.Union([Type.String(), Type.Null()]),
          advantages: Type.Array(Type.Union([Type.Number(), Type.Null()])),
          stats: GroupStats,
        },
        { additionalProperties: false },
      ),
    ),
    advantage: ResolvedAdvantage,
  },
  { additionalProperties: false },
);

/** OpenRLHF remote reward model request (trainers.md §4.1). Extra fields are ignored, not rejected: a trainer upgrade must not stop training. */
export const OpenRlhfRequest = Type.Object({
  query: Type.Array(Type.String(), { description: 'Prompt + response as decoded by the trainer (special tokens kept).' }),
  prompts: Type.Array(Type.String(), { description: 'The prompt of each query (chat template applied); stripped from the query when echoed.' }),
  labels: Type.Array(Type.Unknown(), { description: 'The dataset label of each query: put into the configured task template.' }),
});

export const OpenRlhfResponse = Type.Object(
  {
    rewards: Type.Array(Type.Number(), { description: 'The reward; an unscorable completion gets ARBITER_OPENRLHF_FALLBACK_REWARD.' }),
    scores: Type.Array(Type.Number(), { description: 'The accuracy component in [0, 1] (for dynamic filtering); the reward when accuracy is not configured.' }),
    extra_logs: Type.Record(Type.String(), Type.Array(Type.Number()), {
      description: 'Per query: each reward component (0 when unscorable), `correct` 0/1, `unscorable` 0/1.',
    }),
  },
  { additionalProperties: false },
);

export type SubmitBody = Static<typeof SubmitBody>;
export type OpenRlhfRequest = Static<typeof OpenRlhfRequest>;
export type OpenRlhfResponse = Static<typeof OpenRlhfResponse>;
export type AdvantageResponse = Static<typeof AdvantageResponse>;
