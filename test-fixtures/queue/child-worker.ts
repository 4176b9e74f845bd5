/** A real `arbiter worker` child process on a test's key prefix, with its log lines and exit. */
import { spawn, type ChildProcess } from 'node:child_process';
import { packagePath } from '../../src/core/package-root.ts';
import { REDIS_URL } from './redis-harness.ts';

export interface ChildWorker {
  readonly child: ChildProcess;
  /** Log lines so far (pino JSON on stdout, anything on stderr). */
  readonly output: string[];
  /** Resolves with the exit code, or the signal that ended it. */
  readonly exited: Promise<number | string | null>;
  /** Resolves once the worker logged that it started. */
  readonly started: Promise<void>;
}

export function startChildWorker(prefix: string, env: Record<string, string> = {}): ChildWorker {
  const child = spawn(process.execPath, [packagePath('bin', 'arbiter.js'), 'worker'], {
    env: { ...process.env, REDIS_URL, ARBITER_QUEUE_PREFIX: prefix, ARBITER_THREADS: '2', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output.push(text);
    if (text.includes('worker started')) markStarted();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { child, output, exited, started };
}
