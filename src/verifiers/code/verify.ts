/**
 * The `code` task verifier: extract the program, run it on the tests' *inputs* in a sandbox, compare the raw
 * outputs with the expectations here on the host, and score. Asynchronous (the sandbox is a child process);
 * the grading pool awaits it. Verdicts are data: whatever the program does, this returns a verdict; only a
 * sandbox fault (closed, unsupported) rejects.
 */
import type { CodeTask } from '../../core/schemas/task.ts';
import type { NormalizedCompletion } from '../../core/schemas/completion.ts';
import type { Status } from '../../core/schemas/result.ts';
import type { CodeSandbox, SandboxTest, TestRun } from '../../../sandboxes/javascript/protocol.ts';
import type { Verdict } from '../types.ts';
import { extractProgram } from './extract.ts';
import { compareText, compareValue, type Difference, type Tolerance } from './compare.ts';

/** Time limit per test when the task sets none. */
export const DEFAULT_TIME_LIMIT_MS = 2000;
/** Memory limit when the task sets none. */
export const DEFAULT_MEMORY_LIMIT_MB = 128;
/** Cap on one test's output when the task sets none: 1 MiB. */
export const DEFAULT_MAX_OUTPUT_BYTES = 1_048_576;
/** Float comparison tolerances when the task sets none. */
export const DEFAULT_TOLERANCE: Tolerance = Object.freeze({ absTol: 1e-6, relTol: 1e-6 });
/** Per-test entries kept in verdict details (the counts always cover every test). */
export const MAX_TEST_DETAILS = 50;
const OUTPUT_SHOWN_CHARS = 200;

export interface CodeVerifierOptions {
  /** Runs the program; its `languages` say which tasks it can take (others are `unsupported_task`). */
  readonly sandbox: CodeSandbox;
}

type TestStatus = 'passed' | 'incorrect' | Exclude<TestRun['status'], 'ok'>;

interface TestDetail {
  readonly status: TestStatus;
  readonly output?: string;
  readonly error?: string;
  readonly difference?: Difference;
  readonly skipped?: true;
  /** Only with `report_time`: last, so details without it are byte for byte what they were. */
  readonly time_ms?: number;
}

function shown(output: string): string {
  return output.length > OUTPUT_SHOWN_CHARS ? `${output.slice(0, OUTPUT_SHOWN_CHARS)}…` : output;
}

function judge(task: CodeTask, index: number, run: TestRun | undefined, tolerance: Tolerance): TestDetail {
  if (run === undefined) return { status: 'runtime_error', error: 'the sandbox returned no result for this test' };
  if (run.status !== 'ok') {
    const detail: { status: TestStatus; output?: string; error?: string; skipped?: true } = { status: run.status };
    if (run.output !== '') detail.output = shown(run.output);
    if (run.error !== undefined) detail.error = run.error;
    if (run.skipped === true) detail.skipped = true;
    return detail;
  }
  const test = task.tests[index];
  if (test === undefined) return { status: 'runtime_error', error: 'no such test' };
  const comparison =
    'input' in test
      ? compareText(task.compare ?? 'lines', test.output, run.output, tolerance)
      : compareValue(task.compare ?? 'exact', test.expected, run.output, tolerance);
  if (comparison.ok) return { status: 'passed' };
  return { status: 'incorrect', output: shown(run.output), difference: comparison.difference };
}

/** The detail with the test's time (0 where the sandbox measured none: the test never ran, or its process died). */
function timed(detail: TestDetail, run: TestRun | undefined): TestDetail {
  return { ...detail, time_ms: run?.timeMs ?? 0 };
}

function verdictStatus(details: readonly TestDetail[]): Status {
  const failed = details.find((d) => d.status !== 'passed');
  return failed === undefined ? 'correct' : failed.status === 'passed' ? 'correct' : failed.status;
}

/**
 * Verifies a code task. Score: the fraction of tests passed (`scoring: 'fraction'`, default) or 1/0
 * (`'all'`). Status: `correct` when every test passes, else the first failing test's status (`incorrect`,
 * `runtime_error`, `timeout`, `memory_limit`, `output_limit`); `compile_error` and `no_code` score 0;
 * `invalid_reference` (a call test without a function name) and `unsupported_task` (no sandbox for the
 * language) score null. details: { extraction, passed, total, tests: [{ status, output?, error?, difference?, time_ms? }] },
 * where `time_ms` (the test's wall time in the sandbox, integer milliseconds) is there only with `report_time: true`.
 * @example await verifyCode({ type: 'code', language: 'javascript', tests: [{ call: 'add', args: [1, 2], expected: 3 }] },
 *   normalizeCompletion('```js\nfunction add(a, b) { return a + b }\n```'), { sandbox }) // { status: 'correct', score: 1, … }
 */
export async function verifyCode(task: CodeTask, completion: NormalizedCompletion, options: CodeVerifierOptions): Promise<Verdict> {
  const extracted = extractProgram(completion.text, task.language);
  if (extracted === null) return { status: 'no_code', score: 0, answer: null, details: { reason: 'no fenced code block or <answer> body' } };
  const details: Record<string, unknown> = { extraction: extracted.source };

  const tests: SandboxTest[] = [];
  for (const [index, test] of task.tests.entries()) {
    if ('input' in test) {
      tests.push({ kind: 'stdio', input: test.input });
      continue;
    }
    const call = test.call ?? task.entry_point;
    if (call === undefined) return { status: 'invalid_reference', score: null, answer: null, details: { reason: `tests[${index}] names no function and the task has no entry_point` } };
    tests.push({ kind: 'call', call, args: test.args });
  }
  if (!options.sandbox.languages.includes(task.language)) {
    return { status: 'unsupported_task', score: null, answer: null, details: { reason: `no sandbox for ${task.language} installed` } };
  }

  const result = await options.sandbox.run({
    language: task.language,
    source: extracted.program,
    tests,
    timeLimitMs: task.time_limit_ms ?? DEFAULT_TIME_LIMIT_MS,
    memoryLimitMb: task.memory_limit_mb ?? DEFAULT_MEMORY_LIMIT_MB,
    maxOutputBytes: task.max_output_bytes ?? DEFAULT_MAX_OUTPUT_BYTES,
    ...(task.report_time === true ? { reportTime: true } : {}),
  });
  if (result.kind === 'compile_error') {
    return { status: 'compile_error', score: 0, answer: extracted.program, details: { ...details, error: result.error } };
  }

  const tolerance: Tolerance = { absTol: task.abs_tol ?? DEFAULT_TOLERANCE.absTol, relTol: task.rel_tol ?? DEFAULT_TOLERANCE.relTol };
  const judged = task.tests.map((_, index) => {
    const detail = judge(task, index, result.tests[index], tolerance);
    return task.report_time === true ? timed(detail, result.tests[index]) : detail;
  });
  const passed = judged.filter((d) => d.status === 'passed').length;
  const total = judged.length;
  const score = (task.scoring ?? 'fraction') === 'all' ? (passed === total ? 1 : 0) : passed / total;
  details['passed'] = passed;
  details['total'] = total;
  details['tests'] = judged.slice(0, MAX_TEST_DETAILS);
  return { status: verdictStatus(judged), score, answer: extracted.program, details };
}
