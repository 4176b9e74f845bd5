/**
 * The Python sandbox: real CPython (Debian's /usr/bin/python3) in bubblewrap jails, each serving one
 * completion at a time from a warmed harness, each test in a fresh process forked inside it. See
 * README.md for the threat model and the limits.
 */
import { availableParallelism } from 'node:os';
import { Jail, prepareJob, type PreparedJob } from './jail.ts';
import { PythonSandboxError, type PythonSandbox, type PythonSandboxOptions, type RunLimits, type RunOptions, type TestInput, type TestOutcome } from './types.ts';

export type { PythonSandbox, PythonSandboxOptions, RunLimits, RunOptions, TestInput, TestOutcome } from './types.ts';
export { PythonSandboxError } from './types.ts';

const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;

/**
 * Builds a sandbox; no process starts until `run`. At most `concurrency` jails exist; runs beyond
 * that wait their turn, and a slow run delays no other beyond holding its own jail until its deadline.
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
  const jails = new Set<Jail>();
  const idle: Jail[] = [];
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
  const take = (): Jail => {
    for (let jail = idle.pop(); jail !== undefined; jail = idle.pop()) {
      if (jail.usable) return jail;
      jail.retire();
      jails.delete(jail);
    }
    const jail = new Jail();
    jails.add(jail);
    return jail;
  };
  const put = (jail: Jail, reusable: boolean): void => {
    if (reusable && jail.usable && !closed) return void idle.push(jail);
    jail.retire();
    jails.delete(jail);
  };

  const runOnce = async (job: PreparedJob): Promise<TestOutcome[]> => {
    // A warm jail that died while idle answers not_started: the job is then retried once on a fresh one.
    for (let attempt = 0; ; attempt += 1) {
      const jail = take();
      const warm = jail.jobs > 0;
      const result = await jail.run(job).catch((error: unknown) => {
        jails.delete(jail);
        throw error;
      });
      if (result.kind === 'done') {
        put(jail, result.reusable);
        return result.outcomes;
      }
      put(jail, false);
      if (!warm || attempt > 0) throw new PythonSandboxError(`the Python jail did not start: ${result.reason}`);
    }
  };

  return {
    async run(program: string, tests: readonly TestInput[], limits: RunLimits, options: RunOptions = {}): Promise<TestOutcome[]> {
      if (closed) throw new PythonSandboxError('the Python sandbox is closed');
      if (tests.length === 0) return [];
      const job = prepareJob(program, tests, limits, maxOutputBytes, options.reportTime === true);
      await acquire();
      try {
        if (closed) throw new PythonSandboxError('the Python sandbox is closed');
        return await runOnce(job);
      } finally {
        release();
      }
    },
    async close(): Promise<void> {
      closed = true;
      for (const jail of jails) jail.kill();
      jails.clear();
      idle.length = 0;
      for (const next of waiting.splice(0)) next();
    },
  };
}
