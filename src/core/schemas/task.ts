/**
 * Tasks: what a group's completions are graded against (SPEC §3). One schema per task type; the `type`
 * field discriminates. The math and code verifiers plug in through the verifier registry.
 */
import { Type, type Static } from '@sinclair/typebox';

const Answers = Type.Union([Type.String(), Type.Array(Type.String(), { minItems: 1, maxItems: 64 })], {
  description: 'One accepted answer, or a list of accepted answers.',
});

/** A math task: the final answer of the completion is compared with `answer` (README "Math tasks"). */
export const MathTask = Type.Object(
  {
    type: Type.Literal('math'),
    answer: Answers,
    require_think: Type.Optional(
      Type.Boolean({
        description:
          'Grade only completions that close their reasoning with `</think>`; others are `no_answer`. Default false (a completion without think tags is searched whole; an unclosed `<think>` is always `no_answer`).',
      }),
    ),
    last_number: Type.Optional(
      Type.Boolean({ description: 'When no answer is found (box, tag, marker, bold, `####`, short bare answer), take the last number of the completion. Default false.' }),
    ),
    log_base: Type.Optional(
      Type.Union([Type.Literal('either'), Type.Literal('e'), Type.Literal('10')], {
        description:
          'How `\\log` without a base is read, the same way on both sides: `e` natural, `10` common, `either` (default) accepts when either reading makes the answers equal. `\\ln` is always natural.',
      }),
    ),
    require_reduced_fractions: Type.Optional(
      Type.Boolean({
        description:
          'Reject an answer that writes a fraction of two integers not in lowest terms (`\\frac{2}{4}`, `6/3`, `\\frac{4}{1}`) even when its value is right; the verdict is `incorrect` with reason `unreduced_fraction`. Default false (unreduced fractions are accepted).',
      }),
    ),
    inequality_interval: Type.Optional(
      Type.Union([Type.Literal('both_ways'), Type.Literal('one_way')], {
        description:
          'Whether an inequality and its interval match: `both_ways` (default): a gold `1 < x \\le 3` accepts `(1, 3]` and a gold `(1, 3]` accepts `1 < x \\le 3`; `one_way`: only the first, so an interval (or union) gold needs interval notation and an inequality answer is `incorrect` with reason `inequality_for_interval`.',
      }),
    ),
    angle_units: Type.Optional(
      Type.Union([Type.Literal('either'), Type.Literal('as_written')], {
        description:
          'How a number with a degree mark (`60^\\circ`, `60°`, `60 degrees`) reads: `either` (default) as the number written or as radians, so a gold `60^\\circ` accepts `60` and `\\frac{\\pi}{3}`, and a gold `\\frac{\\pi}{3}` accepts `60^\\circ` (never a bare `60`); `as_written`: only as the number written.',
      }),
    ),
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

/** A stdin/stdout test: the program reads `input` on stdin and must print `output`. */
export const StdioTest = Type.Object(
  {
    input: Type.String({ description: 'Standard input of the program.' }),
    output: Type.String({ description: 'Expected standard output (host-side only: it never enters the sandbox).' }),
  },
  { additionalProperties: false },
);

/** A function name or a dotted path to one (`solve`, `Solution.solve`). */
const entryPoint = (description: string) =>
  Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*$', description });

/** A function-call test: `call(...args)` must return `expected` (compared on the host). */
export const CallTest = Type.Object(
  {
    call: Type.Optional(entryPoint('Function to call. Default: the task\'s `entry_point`.')),
    args: Type.Array(Type.Unknown(), { description: 'Arguments, deep-copied into the sandbox as JSON.' }),
    expected: Type.Unknown({ description: 'Expected return value (host-side only: it never enters the sandbox).' }),
  },
  { additionalProperties: false },
);

/** How outputs are compared with expectations (README "Code tasks"). */
export const CompareMode = Type.Union([Type.Literal('exact'), Type.Literal('lines'), Type.Literal('tokens'), Type.Literal('float')], {
  description:
    'exact: type-strict JSON (call tests; default for them) or identical text; lines: CRLF→LF, right-strip lines, drop trailing blank lines (default for stdio tests); tokens: whitespace-separated tokens; float: tokens or JSON numbers within abs_tol/rel_tol.',
});

/** A code task: the program in the completion runs against `tests` in a sandbox; the host compares. */
export const CodeTask = Type.Object(
  {
    type: Type.Literal('code'),
    language: Type.Union([Type.Literal('javascript'), Type.Literal('typescript'), Type.Literal('python')]),
    tests: Type.Array(Type.Union([StdioTest, CallTest]), { minItems: 1, maxItems: 1000 }),
    entry_point: Type.Optional(entryPoint('Default function of call tests that omit `call`.')),
    time_limit_ms: Type.Optional(Type.Integer({ minimum: 1, maximum: 60_000, description: 'Time limit per test. Default 2000.' })),
    memory_limit_mb: Type.Optional(Type.Integer({ minimum: 8, maximum: 8192, description: 'Memory limit of the program. Default 128.' })),
    max_output_bytes: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 16_777_216, description: 'Cap on one test\'s stdout (or serialised return value). Default 1 MiB.' }),
    ),
    compare: Type.Optional(CompareMode),
    abs_tol: Type.Optional(Type.Number({ minimum: 0, description: 'float compare: absolute tolerance. Default 1e-6.' })),
    rel_tol: Type.Optional(Type.Number({ minimum: 0, description: 'float compare: relative tolerance (of the expected value). Default 1e-6.' })),
    scoring: Type.Optional(
      Type.Union([Type.Literal('fraction'), Type.Literal('all')], {
        description: 'fraction (default): score = share of tests passed; all: 1 only when every test passes.',
      }),
    ),
    report_time: Type.Optional(
      Type.Boolean({
        description:
          'Adds time_ms (wall time of the test inside the sandbox, integer milliseconds) to each entry of details.tests. Default false: verdicts then hold nothing timing-dependent, so the same completion always gets the same verdict.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Task = Type.Union([MathTask, CodeTask, TextTask], { description: 'The task; `type` selects the verifier.' });

export type MathTask = Static<typeof MathTask>;
export type TextTask = Static<typeof TextTask>;
export type CodeTask = Static<typeof CodeTask>;
export type StdioTest = Static<typeof StdioTest>;
export type CallTest = Static<typeof CallTest>;
export type CompareMode = Static<typeof CompareMode>;
export type Task = Static<typeof Task>;
export type TaskType = Task['type'];
