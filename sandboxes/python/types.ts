/** Public shapes of the Python sandbox; runtime-neutral so the code verifier can share them. */

/** Options of {@link createPythonSandbox}. */
export interface PythonSandboxOptions {
  /** Jails running at once. Default: `os.availableParallelism()`. */
  concurrency?: number;
  /** Cap on one test's stdout or serialised result, in bytes. Default: 1 MiB. */
  maxOutputBytes?: number;
}

/** One test's input: stdin for a whole program, or a function name and its JSON-array arguments. */
export type TestInput = { kind: 'stdio'; stdin: string } | { kind: 'call'; fn: string; argsJson: string };

/** Limits of one run; `timeLimitMs` applies to each test, `memoryLimitMb` to each test process. */
export interface RunLimits {
  timeLimitMs: number;
  memoryLimitMb: number;
}

/** Options of one run. */
export interface RunOptions {
  /** Adds `timeMs` to every outcome the harness reports. Default false: outcomes then hold no timings. */
  reportTime?: boolean;
}

/**
 * What one test did; `detail` is short and deterministic (no timings, paths or addresses). `timeMs`, only
 * when the run asked for it: the test's wall time in integer milliseconds, measured by the harness
 * (harness.py says from when to when); absent on tests the harness never reported (the jail was killed).
 */
export type TestOutcome =
  | { status: 'ok'; stdout: string; valueJson?: string; timeMs?: number }
  | { status: 'runtime_error' | 'timeout' | 'memory_limit' | 'output_limit' | 'compile_error'; detail: string; timeMs?: number };

/** A pool of bubblewrap jails running CPython; see sandboxes/python/README.md. */
export interface PythonSandbox {
  run(program: string, tests: readonly TestInput[], limits: RunLimits, options?: RunOptions): Promise<TestOutcome[]>;
  close(): Promise<void>;
}

/** The jail could not run at all (bubblewrap missing, user namespaces refused): retry or alert. */
export class PythonSandboxError extends Error {
  override readonly name = 'PythonSandboxError';
  readonly code = 'SANDBOX_PYTHON_UNAVAILABLE';
}
