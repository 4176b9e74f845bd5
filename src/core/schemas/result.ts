/** The response of SPEC §3: per group, per completion results, and group statistics. */
import { Type, type Static } from '@sinclair/typebox';

/**
 * Why a completion got its reward. Scored statuses: correct, incorrect, no_answer, format_error and the
 * code outcomes. Unscorable statuses (reward null): invalid_reference, unsupported_task, timeout, error.
 */
export const Status = Type.Union(
  [
    Type.Literal('correct'),
    Type.Literal('partial'),
    Type.Literal('incorrect'),
    Type.Literal('no_answer'),
    Type.Literal('format_error'),
    Type.Literal('no_code'),
    Type.Literal('compile_error'),
    Type.Literal('runtime_error'),
    Type.Literal('memory_limit'),
    Type.Literal('output_limit'),
    Type.Literal('timeout'),
    Type.Literal('invalid_reference'),
    Type.Literal('unsupported_task'),
    Type.Literal('error'),
  ],
  { description: 'Outcome of the task verifier for this completion.' },
);
export type Status = Static<typeof Status>;

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const CompletionResult = Type.Object(
  {
    reward: Type.Union([Type.Number(), Type.Null()], { description: 'Weighted sum of the components; null when unscorable.' }),
    status: Status,
    components: Type.Record(Type.String(), NullableNumber, { description: 'Unweighted value of each requested component.' }),
    advantage: Type.Union([Type.Number(), Type.Null()]),
    answer: Type.Union([Type.String(), Type.Null()], { description: 'The extracted final answer, when there is one.' }),
    details: Type.Record(Type.String(), Type.Unknown(), { description: 'Verifier and component details (reason, length unit, …).' }),
  },
  { additionalProperties: false },
);

export const GroupStats = Type.Object(
  {
    count: Type.Integer(),
    scorable: Type.Integer({ description: 'Completions with a non-null reward.' }),
    mean: NullableNumber,
    std: NullableNumber,
    pass_rate: NullableNumber,
    zero_variance: Type.Boolean({ description: 'All scorable rewards equal: no learning signal (DAPO dynamic sampling drops it).' }),
  },
  { additionalProperties: false },
);

export const GroupResult = Type.Object(
  {
    id: Type.Union([Type.String(), Type.Null()]),
    results: Type.Array(CompletionResult),
    stats: GroupStats,
    group: Type.Optional(
      Type.Object(
        {
          id: Type.String(),
          size: Type.Integer(),
          received: Type.Integer({ description: 'Completions of the group present when it was sealed and graded.' }),
          partial: Type.Boolean({ description: 'True when the group was sealed at a deadline with fewer than `size` completions.' }),
        },
        { additionalProperties: false, description: 'For a slice of a group split across requests: `results` are this request’s completions; `stats` and advantages are the whole group’s.' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ResolvedAdvantage = Type.Object(
  {
    preset: Type.String(),
    estimator: Type.String(),
    scale: Type.String(),
    epsilon: Type.Number(),
    std: Type.String(),
  },
  { additionalProperties: false },
);

export const GradeResponse = Type.Object(
  { groups: Type.Array(GroupResult), advantage: ResolvedAdvantage },
  { additionalProperties: false },
);

export type CompletionResult = Static<typeof CompletionResult>;
export type GroupStats = Static<typeof GroupStats>;
export type GroupResult = Static<typeof GroupResult>;
export type ResolvedAdvantage = Static<typeof ResolvedAdvantage>;
export type GradeResponse = Static<typeof GradeResponse>;
