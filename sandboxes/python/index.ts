/**
 * The Python sandbox: real CPython (Debian's /usr/bin/python3) in a bubblewrap jail, one fresh
 * jail per completion, each test in a fresh process forked inside it. See README.md for the
 * threat model and the limits.
 */
import { availableParallelism } from 'node:os';
import { runInJail, type JailHandle } from './jail.ts';
import { PythonSandboxError, type PythonSandbox, type PythonSandboxOptions, type RunLimits, type TestInput, type TestOutcome } from './types.ts';

export type { PythonSandbox, PythonSandboxOptions, RunLimits, TestInput, TestOutcome } from './types.ts';
export { PythonSandboxError } from './types.ts';

const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;

/**
 * Builds a sandbox; no process starts until `run`. Runs beyond `concurrency` wait their turn, and a
 * slow run delays no other beyond holding its own slot until its deadline.
 *
 * @example
 * const sandbox = createPythonSandbox();
 * const [outcome] = await sandbox.run('def add(a, b):\n    return a + b\n',
 *   [{ kind: 'call', fn: 'add', argsJson: '[1, 2]' }], { timeLimitMs: 1000, memoryLimitMb: 256 });
 * // outcome: { status: 'ok', stdout: '', valueJson: '3' }
 * await sandbox.close();
 */
export function createPythonSandbox(options: PythonSandboxOptions = {}): PythonSandbox {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? availableParallelism()));
  const maxOutputBytes = Math.max(1, Math.floor(options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES));
  const running = new Set<JailHandle>();
  const waiting: Array<() => void> = [];
  let active = 0;
  let closed = false;

  const acquire = (): Promise<void> => {
    if (active < concurrency) {
      active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };
  const register = (handle: JailHandle): (() => void) => {
    running.add(handle);
    return () => running.delete(handle);
  };

  return {
    async run(program: string, tests: readonly TestInput[], limits: RunLimits): Promise<TestOutcome[]> {
      if (closed) throw new PythonSandboxError('the Python sandbox is closed');
      if (tests.length === 0) return [];
      await acquire();
      try {
        if (closed) throw new PythonSandboxError('the Python sandbox is closed');
        return await runInJail(program, tests, limits, maxOutputBytes, register);
      } finally {
        release();
      }
    },
    async close(): Promise<void> {
      closed = true;
      for (const handle of running) handle.kill();
      for (const next of waiting.splice(0)) next();
    },
  };
}
