/**
 * Contract between the code verifier (host), the sandbox supervisor and the runner child process.
 *
 * Verifier → sandbox: a program and the *inputs* of its tests only. Expected outputs never cross this
 * boundary; the sandbox returns raw outputs and the host compares.
 *
 * Per test the sandbox answers one `TestRun`, in test order:
 * - call tests: `output` is the return value serialised inside the isolate as JSON text, where values
 *   JSON cannot hold are tagged objects with the single key "\u0000" (`{"\u0000":"undefined"}`, `"NaN"`,
 *   `"Infinity"`, `"-Infinity"`, `"function"`, `"symbol"`); bigints are written as integer literals.
 * - stdio tests: `output` is everything written to stdout, at most `maxOutputBytes` UTF-8 bytes.
 * - `status` is `ok` only when the program finished normally (exit code 0, no uncaught error, every
 *   promise settled); `error` is a short, deterministic message (no timings) when it is not.
 * After a test ends in `timeout` or `memory_limit`, the remaining tests are not run and carry that status
 * (`skipped: true`), so one runaway completion costs at most one time limit beyond its passing tests.
 * Only when the request sets `reportTime` do test runs carry `timeMs`: the wall time of that test's run, in
 * integer milliseconds, measured in the process that runs it, outside the program's reach (the JavaScript
 * runner, the Python harness). A test that did not run has 0; a program whose top level fails charges that
 * time to its first test; a test cut short by the sandbox process itself dying has none. Without `reportTime`
 * nothing timing-dependent is in a result, so the same program always gives the same result.
 *
 * Runner ↔ supervisor (IPC, JSON): the runner sends `{ type: 'ready' }` once, then answers every
 * `{ type: 'job', id, job: RunnerJob }` with `{ type: 'result', id, result: SandboxResult, rssMb }`, where `rssMb`
 * is the runner's peak resident memory so far.
 */

/** One test's input. `args` is deep-copied into the isolate as JSON. */
export type SandboxTest =
  | { readonly kind: 'call'; readonly call: string; readonly args: readonly unknown[] }
  | { readonly kind: 'stdio'; readonly input: string };

/** What the verifier asks a sandbox to run. */
export interface SandboxRequest {
  readonly language: 'javascript' | 'typescript' | 'python';
  readonly source: string;
  readonly tests: readonly SandboxTest[];
  /** Per test (and for a call-style program's top level). */
  readonly timeLimitMs: number;
  readonly memoryLimitMb: number;
  /** Cap on one test's stdout, or on its serialised return value. */
  readonly maxOutputBytes: number;
  /** Adds `timeMs` to every `TestRun`. Default false: results then hold nothing timing-dependent. */
  readonly reportTime?: boolean;
}

export type TestRunStatus = 'ok' | 'runtime_error' | 'timeout' | 'memory_limit' | 'output_limit';

export interface TestRun {
  readonly status: TestRunStatus;
  readonly output: string;
  readonly error?: string;
  /** Not run because an earlier test timed out or ran out of memory. */
  readonly skipped?: boolean;
  /** Wall time of the test's run in integer milliseconds; present only when the request set `reportTime`. */
  readonly timeMs?: number;
}

export type SandboxResult =
  | { readonly kind: 'ran'; readonly tests: readonly TestRun[] }
  | { readonly kind: 'compile_error'; readonly error: string };

/** Any runtime the code verifier can use (JavaScript/TypeScript here; Python plugs into the same shape). */
export interface CodeSandbox {
  /** Languages this sandbox runs. */
  readonly languages: readonly SandboxRequest['language'][];
  run(request: SandboxRequest): Promise<SandboxResult>;
  close(): Promise<void>;
}

/** The job the supervisor sends to a runner: JavaScript only (TypeScript is transpiled on the host first). */
export interface RunnerJob {
  /** Runs as a CommonJS module, as Node runs a file: its top level once for the call tests, once per stdio test. */
  readonly source: string;
  readonly tests: readonly RunnerTest[];
  readonly timeLimitMs: number;
  readonly memoryLimitMb: number;
  readonly maxOutputBytes: number;
  /** Adds `timeMs` to every test's result (`SandboxRequest.reportTime`). */
  readonly reportTime?: boolean;
}

export type RunnerTest = { readonly kind: 'call'; readonly call: string; readonly argsJson: string } | { readonly kind: 'stdio'; readonly input: string };

export type SupervisorMessage = { readonly type: 'job'; readonly id: number; readonly job: RunnerJob };
export type RunnerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly id: number; readonly result: SandboxResult; readonly rssMb: number };

/** Error messages that reach verdict details are cut to this many characters. */
export const MAX_ERROR_CHARS = 300;
