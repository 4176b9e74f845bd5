/**
 * The Python sandbox behind the runtime-neutral `CodeSandbox` contract of the code verifier
 * (sandboxes/javascript/protocol.ts): test inputs in, raw outputs out; the host compares.
 */
import type { CodeSandbox, SandboxRequest, SandboxResult, TestRun } from '../javascript/protocol.ts';
import { AppError } from '../../src/core/errors.ts';
import { createPythonSandbox, PythonSandboxError, type PythonSandboxOptions, type TestInput, type TestOutcome } from './index.ts';

function toTestRun(outcome: TestOutcome): TestRun {
  const run = untimedTestRun(outcome);
  return outcome.timeMs === undefined ? run : { ...run, timeMs: outcome.timeMs };
}

function untimedTestRun(outcome: TestOutcome): TestRun {
  if (outcome.status === 'ok') return { status: 'ok', output: outcome.valueJson ?? outcome.stdout };
  // compile_error is answered for the whole program by the caller; any other status is the test's own.
  const status = outcome.status === 'compile_error' ? 'runtime_error' : outcome.status;
  return { status, output: '', error: outcome.detail };
}

/**
 * A CodeSandbox for `language: "python"`.
 * @example const python = createPythonCodeSandbox(); await python.run({ language: 'python', source, tests, timeLimitMs: 2000, memoryLimitMb: 128, maxOutputBytes: 1 << 20 });
 */
export function createPythonCodeSandbox(options: PythonSandboxOptions = {}): CodeSandbox {
  const sandbox = createPythonSandbox(options);
  return {
    languages: ['python'],
    async run(request: SandboxRequest): Promise<SandboxResult> {
      const tests: TestInput[] = request.tests.map((t) =>
        t.kind === 'stdio' ? { kind: 'stdio', stdin: t.input } : { kind: 'call', fn: t.call, argsJson: JSON.stringify(t.args) },
      );
      let outcomes: TestOutcome[];
      try {
        const limits = { timeLimitMs: request.timeLimitMs, memoryLimitMb: request.memoryLimitMb };
        outcomes = await sandbox.run(request.source, tests, limits, request.reportTime === true ? { reportTime: true } : {});
      } catch (error) {
        // The jail could not start: the machine's fault, not the program's; a 503 the queue retries.
        if (error instanceof PythonSandboxError) throw new AppError('SANDBOX_UNAVAILABLE', `python sandbox unavailable: ${error.message}`);
        // A function name Python cannot call is the task's problem, reported per test, not a crash.
        if (!(error instanceof TypeError)) throw error;
        return { kind: 'ran', tests: tests.map(() => ({ status: 'runtime_error', output: '', error: error.message })) };
      }
      const compileError = outcomes.find((o) => o.status === 'compile_error');
      if (compileError !== undefined && compileError.status !== 'ok') return { kind: 'compile_error', error: compileError.detail };
      return { kind: 'ran', tests: outcomes.map(toTestRun) };
    },
    close: () => sandbox.close(),
  };
}
