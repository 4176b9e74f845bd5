/**
 * The JavaScript/TypeScript sandbox: a supervisor of disposable runner child processes (runner.ts), each
 * started with `--no-node-snapshot --no-expose-wasm` and holding isolated-vm isolates, so nothing a program
 * does (an allocation that aborts V8, a hang outside the isolate's own timeout) can reach this process.
 * Each job runs behind a SIGKILL watchdog at (tests + 1) × time limit + margin; a dead or killed child is
 * replaced; a child is recycled after `jobsPerProcess` jobs or when its RSS passes `recycleRssMb`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { CodeSandbox, RunnerJob, RunnerMessage, SandboxRequest, SandboxResult, TestRun } from './protocol.ts';
import { needsTranspile, transpile } from './transpile.ts';

/** Options of `createJavaScriptSandbox`; every field is optional. */
export interface JavaScriptSandboxOptions {
  /** Runner processes, each running one job at a time. Default 1. */
  readonly processes?: number;
  /** Jobs a runner serves before it is replaced. Default 2000. */
  readonly jobsPerProcess?: number;
  /** A runner whose peak resident memory passes this is replaced after its job. Default 512. */
  readonly recycleRssMb?: number;
  /** Added to a job's time budget before its runner is SIGKILLed. Default 1000. */
  readonly killMarginMs?: number;
  /** Time budget of transpiling one TypeScript program. Default 2000. */
  readonly transpileTimeoutMs?: number;
  /** Longest program accepted, in UTF-16 code units; longer is `compile_error`. Default 262144. */
  readonly maxSourceChars?: number;
  /** The runner module (tests). Default: runner.ts / runner.js beside this file. */
  readonly runnerUrl?: URL;
}

/** A JavaScript sandbox plus counters for monitoring. */
export interface JavaScriptSandbox extends CodeSandbox {
  /** Runners replaced because they were killed by the watchdog or died. */
  readonly processesReplaced: number;
}

interface Job {
  readonly id: number;
  readonly job: RunnerJob;
  readonly resolve: (result: SandboxResult) => void;
  readonly reject: (error: Error) => void;
}

interface Runner {
  readonly child: ChildProcess;
  ready: boolean;
  jobs: number;
  current: Job | null;
  watchdog: NodeJS.Timeout | null;
  killedByWatchdog: boolean;
  stderrTail: string;
}

const STDERR_TAIL_CHARS = 4096;
const OUT_OF_MEMORY = /heap out of memory|is_heap_oom|Allocation failed|OOM|out of memory/i;

function runnerExecArgv(url: URL): string[] {
  const flags = ['--no-node-snapshot', '--no-expose-wasm', '--max-old-space-size=256'];
  // Running from TypeScript sources: the runner needs the same loader as this process.
  if (!url.pathname.endsWith('.ts')) return flags;
  return [...flags, '--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
}

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) if (process.env[key] !== undefined) env[key] = process.env[key];
  return env;
}

// The completions of one group share their task's argument arrays (read-only by type): serialise each once.
const argsJsonCache = new WeakMap<readonly unknown[], string>();
function argsJsonOf(args: readonly unknown[]): string {
  let json = argsJsonCache.get(args);
  if (json === undefined) argsJsonCache.set(args, (json = JSON.stringify(args)));
  return json;
}

function failAll(job: RunnerJob, status: TestRun['status'], error: string): SandboxResult {
  return { kind: 'ran', tests: job.tests.map(() => ({ status, output: '', error })) };
}

/**
 * Builds a sandbox; runners start on the first `run`. `close()` kills them and rejects queued jobs.
 * @example
 * const sandbox = createJavaScriptSandbox({ processes: 2 });
 * await sandbox.run({ language: 'javascript', source: 'function add(a, b) { return a + b }',
 *   tests: [{ kind: 'call', call: 'add', args: [1, 2] }], timeLimitMs: 1000, memoryLimitMb: 64, maxOutputBytes: 1 << 20 });
 * // { kind: 'ran', tests: [{ status: 'ok', output: '3' }] }
 * await sandbox.close();
 */
export function createJavaScriptSandbox(options: JavaScriptSandboxOptions = {}): JavaScriptSandbox {
  const processes = options.processes ?? 1;
  const jobsPerProcess = options.jobsPerProcess ?? 2000;
  const recycleRssMb = options.recycleRssMb ?? 512;
  const killMarginMs = options.killMarginMs ?? 1000;
  const transpileTimeoutMs = options.transpileTimeoutMs ?? 2000;
  const maxSourceChars = options.maxSourceChars ?? 262_144;
  const runnerUrl = options.runnerUrl ?? new URL(`./runner${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const execArgv = runnerExecArgv(runnerUrl);
  const runners = new Set<Runner>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  let processesReplaced = 0;

  function spawnRunner(): Runner {
    const child = fork(fileURLToPath(runnerUrl), [], { execArgv, env: childEnv(), stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
    const runner: Runner = { child, ready: false, jobs: 0, current: null, watchdog: null, killedByWatchdog: false, stderrTail: '' };
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      runner.stderrTail = (runner.stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
    });
    child.on('message', (message: RunnerMessage) => onMessage(runner, message));
    child.on('exit', (code, signal) => onExit(runner, code, signal));
    child.on('error', () => child.kill('SIGKILL'));
    runners.add(runner);
    return runner;
  }

  function onMessage(runner: Runner, message: RunnerMessage): void {
    if (message.type === 'ready') {
      runner.ready = true;
      pump();
      return;
    }
    const job = runner.current;
    if (job === null || job.id !== message.id) return;
    clearWatchdog(runner);
    runner.current = null;
    runner.jobs++;
    job.resolve(message.result);
    if (runner.jobs >= jobsPerProcess || message.rssMb > recycleRssMb) retire(runner);
    pump();
  }

  function onExit(runner: Runner, code: number | null, signal: NodeJS.Signals | null): void {
    runners.delete(runner);
    clearWatchdog(runner);
    const job = runner.current;
    runner.current = null;
    if (job !== null && closed) job.reject(new Error('the JavaScript sandbox was closed'));
    else if (job !== null) {
      processesReplaced++;
      if (runner.killedByWatchdog) job.resolve(failAll(job.job, 'timeout', 'time limit exceeded (sandbox process killed)'));
      else if (OUT_OF_MEMORY.test(runner.stderrTail)) job.resolve(failAll(job.job, 'memory_limit', 'memory limit exceeded (sandbox process ran out of memory)'));
      else job.resolve(failAll(job.job, 'runtime_error', `sandbox process died (${signal ?? `exit code ${String(code)}`})`));
    }
    pump();
  }

  function clearWatchdog(runner: Runner): void {
    if (runner.watchdog !== null) clearTimeout(runner.watchdog);
    runner.watchdog = null;
  }

  function retire(runner: Runner): void {
    runners.delete(runner);
    runner.child.kill('SIGKILL');
  }

  function pump(): void {
    if (closed) return;
    for (const runner of runners) {
      if (queue.length === 0) return;
      if (!runner.ready || runner.current !== null) continue;
      const job = queue.shift() as Job;
      runner.current = job;
      const budgetMs = (job.job.tests.length + 1) * job.job.timeLimitMs + killMarginMs;
      runner.watchdog = setTimeout(() => {
        runner.killedByWatchdog = true;
        runner.child.kill('SIGKILL');
      }, budgetMs);
      runner.child.send({ type: 'job', id: job.id, job: job.job });
    }
    while (queue.length > 0 && runners.size < processes) spawnRunner();
  }

  function dispatch(job: RunnerJob): Promise<SandboxResult> {
    return new Promise<SandboxResult>((resolve, reject) => {
      queue.push({ id: nextId++, job, resolve, reject });
      pump();
    });
  }

  return {
    languages: ['javascript', 'typescript'],
    get processesReplaced() {
      return processesReplaced;
    },
    async run(request: SandboxRequest): Promise<SandboxResult> {
      if (closed) throw new Error('the JavaScript sandbox is closed');
      if (request.language === 'python') throw new Error('the JavaScript sandbox does not run python');
      if (request.source.length > maxSourceChars) return { kind: 'compile_error', error: `program longer than ${maxSourceChars} characters` };
      let source = request.source;
      if (needsTranspile(request.language, source)) {
        const transpiled = await transpile(request.language, source, transpileTimeoutMs);
        if (!transpiled.ok) {
          if (transpiled.status === 'compile_error') return { kind: 'compile_error', error: transpiled.error };
          return { kind: 'ran', tests: request.tests.map(() => ({ status: 'timeout', output: '', error: transpiled.error })) };
        }
        source = transpiled.code;
      }
      const tests = request.tests.map((test) =>
        test.kind === 'call' ? { kind: 'call' as const, call: test.call, argsJson: argsJsonOf(test.args) } : { kind: 'stdio' as const, input: test.input },
      );
      const job: RunnerJob = { source, tests, timeLimitMs: request.timeLimitMs, memoryLimitMb: request.memoryLimitMb, maxOutputBytes: request.maxOutputBytes };
      return dispatch(request.reportTime === true ? { ...job, reportTime: true } : job);
    },
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('the JavaScript sandbox was closed'));
      const exits = [...runners].map((runner) => new Promise<void>((resolve) => {
        if (runner.child.exitCode !== null || runner.child.signalCode !== null) return resolve();
        runner.child.once('exit', () => resolve());
        runner.child.kill('SIGKILL');
      }));
      await Promise.all(exits);
    },
  };
}
