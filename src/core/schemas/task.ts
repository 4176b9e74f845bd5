/**
 * Tasks: what a group's completions are graded against (SPEC §3). One schema per task type; the `type`
 * field discriminates. The math and code verifiers plug in through the verifier registry.
 */
import { Type, type Static } from '@sinclair/typebox';

const Answers = Type.Union([Type.String(), Type.Array(Type.String(), { minItems: 1, maxItems: 64 })], {
  description: 'One accepted answer, or a list of accepted answers.',
});

/** A math task: the final answer of the completion is compared with `answer`. */
export const MathTask = Type.Object(
  {
    type: Type.Literal('math'),
    answer: Answers,
  },
  { additionalProperties: false, description: 'Math problem with a reference answer (LaTeX or plain text).' },
);

/** A text task: normalised exact match against accepted answers, or a multiple-choice letter. */
export const TextTask = Type.Object(
  {
    type: Type.Literal('text'),
    answer: Answers,
    choices: Type.Optional(
      Type.Array(Type.String(), {
        minItems: 2,
        maxItems: 26,
        description: 'Multiple-choice options in order (A, B, C, ...). With choices, `answer` may be a letter or an option text.',
      }),
    ),
    case_sensitive: Type.Optional(Type.Boolean({ description: 'Compare case-sensitively. Default false.' })),
  },
  { additionalProperties: false },
);

/** A stdin/stdout test: the program reads `input` and must print `output`. */
export const StdioTest = Type.Object(
  { input: Type.String(), output: Type.String() },
  { additionalProperties: false },
);

/** A function-call test: `call(...args)` must return `expected`. */
export const CallTest = Type.Object(
  { call: Type.String({ minLength: 1 }), args: Type.Array(Type.Unknown()), expected: Type.Unknown() },
  { additionalProperties: false },
);

/** A code task: the program in the completion runs against `tests` in a sandbox. */
export const CodeTask = Type.Object(
  {
    type: Type.Literal('code'),
    language: Type.Union([Type.Literal('javascript'), Type.Literal('typescript'), Type.Literal('python')]),
    tests: Type.Array(Type.Union([StdioTest, CallTest]), { minItems: 1, maxItems: 1000 }),
    time_limit_ms: Type.Optional(Type.Integer({ minimum: 1, maximum: 60_000 })),
    memory_limit_mb: Type.Optional(Type.Integer({ minimum: 8, maximum: 8192 })),
    compare: Type.Optional(
      Type.Union([Type.Literal('exact'), Type.Literal('lines'), Type.Literal('tokens'), Type.Literal('float')]),
    ),
  },
  { additionalProperties: false },
);

export const Task = Type.Union([MathTask, CodeTask, TextTask], { description: 'The task; `type` selects the verifier.' });

export type MathTask = Static<typeof MathTask>;
export type TextTask = Static<typeof TextTask>;
export type CodeTask = Static<typeof CodeTask>;
export type Task = Static<typeof Task>;
export type TaskType = Task['type'];
