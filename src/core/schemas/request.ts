/** The grading request of SPEC §3: groups of one prompt's completions, reward and advantage options. */
import { Type, type Static } from '@sinclair/typebox';
import { Completion } from './completion.ts';
import { Task } from './task.ts';
import { RewardsConfig } from './rewards.ts';
import { AdvantageConfig } from './advantage.ts';

/** A chat message, as in a conversational dataset's prompt column. */
export const Message = Type.Object(
  { role: Type.String(), content: Type.String() },
  { additionalProperties: true },
);

export const Prompt = Type.Union([Type.String(), Type.Array(Message)], {
  description: 'The prompt (string or chat messages): used to infer the target language and to strip an echoed prompt.',
});

/** The slice tag of a group split across requests (README "Group barrier"). */
export const GroupSlice = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 256, description: 'The group’s id, the same in every request holding a slice of it (e.g. training step + prompt index).' }),
    size: Type.Integer({ minimum: 1, maximum: 4096, description: 'Completions in the whole group (TRL: num_generations).' }),
    offset: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 4095, description: 'Position of this slice’s first completion in the group; without it slices are ordered by arrival. A retried slice with the same offset replaces itself.' }),
    ),
    wait_ms: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 600_000, description: 'How long this caller waits for the other slices before the group is graded partial (default ARBITER_BARRIER_WAIT_MS, capped by ARBITER_BARRIER_MAX_WAIT_MS).' }),
    ),
  },
  { additionalProperties: false },
);

/** One prompt's completions and the task they are graded against. */
export const Group = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'Caller’s id, echoed in the result.' })),
    prompt: Type.Optional(Prompt),
    task: Task,
    completions: Type.Array(Completion, { minItems: 1, maxItems: 4096 }),
    target_language: Type.Optional(
      Type.String({ minLength: 2, maxLength: 16, description: 'Overrides rewards.language.target for this group.' }),
    ),
    group: Type.Optional(GroupSlice),
  },
  { additionalProperties: false },
);

export const GradeRequest = Type.Object(
  {
    groups: Type.Array(Group, { minItems: 1, maxItems: 100_000 }),
    rewards: Type.Optional(RewardsConfig),
    advantage: Type.Optional(AdvantageConfig),
  },
  { additionalProperties: false },
);

/** Raw rewards in, advantages out: no verification (POST /v1/advantages). */
export const AdvantageRequest = Type.Object(
  {
    groups: Type.Array(
      Type.Object(
        {
          id: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
          rewards: Type.Array(Type.Union([Type.Number(), Type.Null()]), { minItems: 1, maxItems: 4096 }),
          correct: Type.Optional(Type.Array(Type.Boolean(), { description: 'Per completion; enables pass_rate.' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100_000 },
    ),
    advantage: Type.Optional(AdvantageConfig),
  },
  { additionalProperties: false },
);

export type Message = Static<typeof Message>;
export type Prompt = Static<typeof Prompt>;
export type Group = Static<typeof Group>;
export type GradeRequest = Static<typeof GradeRequest>;
export type AdvantageRequest = Static<typeof AdvantageRequest>;
