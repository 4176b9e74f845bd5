/**
 * The runner: the child-process side of the JavaScript sandbox (started by supervisor.ts with
 * `--no-node-snapshot --no-expose-wasm`; never loaded into the API, worker or grading threads). Each job gets
 * a fresh context in a long-lived isolate; the isolate is thrown away after anything abnormal (a timeout
 * may leave microtasks queued; an out-of-memory disposes it) and after a number of jobs. Protocol:
 * protocol.ts.
 *
 * The next job's context is made, and the prelude run in it, while this process waits for that job (isolated-vm
 * does it on its own thread): creating a context is the largest fixed cost of a job. It is still one fresh
 * context per job; nothing of a program ever runs in it before its own job.
 */
import ivm from 'isolated-vm';
import { PRELUDE_SOURCE, moduleBody } from './prelude.ts';
import { decodeEnvelope, decodeTestRun } from './envelope.ts';
import { MAX_ERROR_CHARS, type RunnerJob, type RunnerMessage, type SandboxResult, type SupervisorMessage, type TestRun } from './protocol.ts';

/** Contexts one isolate serves before it is replaced (bounds heap fragmentation and leftovers). */
const JOBS_PER_ISOLATE = 200;

/** The prelude's dispatch function (prelude.ts). */
type Dispatch = (op: string, a?: unknown, b?: unknown, c?: unknown) => string;

type Outcome = { readonly kind: 'value'; readonly value: unknown } | { readonly kind: 'timeout' } | { readonly kind: 'memory_limit' } | { readonly kind: 'error'; readonly message: string };

let isolate: ivm.Isolate | null = null;
let isolateLimitMb = 0;
let isolateJobs = 0;
let prelude: ivm.Script | null = null;

function freshIsolate(memoryLimitMb: number): { isolate: ivm.Isolate; prelude: ivm.Script } {
  if (isolate !== null && !isolate.isDisposed && isolateLimitMb === memoryLimitMb && isolateJobs < JOBS_PER_ISOLATE && prelude !== null) {
    isolateJobs++;
    return { isolate, prelude };
  }
  disposeIsolate();
  isolate = new ivm.Isolate({ memoryLimit: memoryLimitMb });
  isolateLimitMb = memoryLimitMb;
  isolateJobs = 1;
  prelude = isolate.compileScriptSync(PRELUDE_SOURCE, { filename: 'prelude.js' });
  return { isolate, prelude };
}

function disposeIsolate(): void {
  if (isolate !== null && !isolate.isDisposed) isolate.dispose();
  isolate = null;
  prelude = null;
}

function cut(message: string): string {
  return message.length > MAX_ERROR_CHARS ? message.slice(0, MAX_ERROR_CHARS) : message;
}

function messageOf(error: unknown): string {
  return cut(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
}

function outcomeOf(current: ivm.Isolate, run: () => unknown): Outcome {
  try {
    return { kind: 'value', value: run() };
  } catch (error) {
    if (current.isDisposed) return { kind: 'memory_limit' };
    if (error instanceof Error && error.message.includes('Script execution timed out')) return { kind: 'timeout' };
    return { kind: 'error', message: messageOf(error) };
  }
}

const LIMIT_ERRORS = { timeout: 'time limit exceeded', memory_limit: 'memory limit exceeded' } as const;

/** A fresh context with the prelude run in it, and the prelude's dispatch function: where a job starts. */
interface Stage {
  readonly isolate: ivm.Isolate;
  readonly context: ivm.Context;
  readonly dispatch: ivm.Reference<Dispatch>;
}

function stageNow(memoryLimitMb: number): Stage {
  const { isolate: current, prelude: preludeScript } = freshIsolate(memoryLimitMb);
  const context = current.createContextSync();
  try {
    return { isolate: current, context, dispatch: preludeScript.runSync(context, { reference: true }) as ivm.Reference<Dispatch> };
  } catch (error) {
    if (!current.isDisposed) context.release();
    throw error;
  }
}

/** Stages the next job's context off this thread; null when that fails (the job then stages its own). */
async function stageAhead(memoryLimitMb: number): Promise<Stage | null> {
  let current: ivm.Isolate | null = null;
  let context: ivm.Context | null = null;
  try {
    const fresh = freshIsolate(memoryLimitMb);
    current = fresh.isolate;
    context = await current.createContext();
    return { isolate: current, context, dispatch: (await fresh.prelude.run(context, { reference: true })) as ivm.Reference<Dispatch> };
  } catch {
    if (current !== null && !current.isDisposed) context?.release();
    return null;
  }
}

function releaseStage(stage: Stage): void {
  if (stage.isolate.isDisposed) return;
  stage.dispatch.release();
  stage.context.release();
}

/**
 * Runs one job, in `staged` when that was made in the isolate this job uses (else in a context made now); every
 * outcome of the user's program is data in the result.
 */
export function runJob(job: RunnerJob, staged: Stage | null = null): SandboxResult {
  const ready = staged !== null && staged.isolate === isolate && !staged.isolate.isDisposed && isolateLimitMb === job.memoryLimitMb;
  if (staged !== null && !ready) releaseStage(staged);
  const stage = ready ? staged : stageNow(job.memoryLimitMb);
  const current = stage.isolate;
  let dirty = false;
  try {
    const apply = (timeoutMs: number, op: string, a?: ivm.Transferable, b?: ivm.Transferable, c?: ivm.Transferable): Outcome =>
      outcomeOf(current, () => stage.dispatch.applySync(undefined, [op, a, b, c] as never, { timeout: Math.max(1, Math.ceil(timeoutMs)) }));

    // Compiles the program and, for call tests, runs its top level, all inside the isolate under one time limit.
    const calls = job.tests.flatMap((t) => (t.kind === 'call' ? [t.call] : []));
    const startedJob = performance.now();
    const start = apply(job.timeLimitMs, 'start', job.maxOutputBytes, moduleBody(job.source, calls), calls.length > 0);
    if (start.kind !== 'value') {
      if (start.kind !== 'error') dirty = true;
      const failed = start.kind === 'error' ? allTests(job, 'runtime_error', start.message) : allTests(job, start.kind, LIMIT_ERRORS[start.kind]);
      return timedFirst(job, failed, startedJob);
    }
    if (start.value !== '') {
      const failed = decodeEnvelope(start.value);
      if (failed.status === 'compile_error') return { kind: 'compile_error', error: failed.error ?? 'SyntaxError' };
      return timedFirst(job, allTests(job, failed.status, failed.error ?? ''), startedJob);
    }

    const tests: TestRun[] = [];
    let stop: 'timeout' | 'memory_limit' | null = null;
    for (const test of job.tests) {
      if (stop !== null) {
        tests.push(timed(job, { status: stop, output: '', error: LIMIT_ERRORS[stop], skipped: true }, 0));
        continue;
      }
      const started = performance.now();
      let outcome = test.kind === 'call' ? apply(job.timeLimitMs, 'call', test.call, test.argsJson) : apply(job.timeLimitMs, 'stdio', test.input);
      if (outcome.kind === 'value' && (test.kind === 'stdio' || outcome.value === 'P')) {
        outcome = apply(job.timeLimitMs - (performance.now() - started), 'collect');
      }
      const elapsedMs = performance.now() - started;
      let run: TestRun;
      switch (outcome.kind) {
        case 'value':
          run = decodeTestRun(outcome.value);
          break;
        case 'timeout':
        case 'memory_limit':
          dirty = true;
          stop = outcome.kind;
          run = { status: outcome.kind, output: '', error: LIMIT_ERRORS[outcome.kind] };
          break;
        case 'error':
          dirty = true;
          run = { status: 'runtime_error', output: '', error: outcome.message };
          break;
      }
      tests.push(timed(job, run, elapsedMs));
    }
    return { kind: 'ran', tests };
  } finally {
    // The dispatch handle is released with the context, or the isolate would keep the context alive.
    releaseStage(stage);
    if (dirty || current.isDisposed) disposeIsolate();
  }
}

function allTests(job: RunnerJob, status: TestRun['status'], error: string): SandboxResult {
  return { kind: 'ran', tests: job.tests.map(() => ({ status, output: '', error })) };
}

/** The run with its wall time when the job asked for times (protocol.ts), else the run as it is. */
function timed(job: RunnerJob, run: TestRun, elapsedMs: number): TestRun {
  return job.reportTime === true ? { ...run, timeMs: Math.max(0, Math.round(elapsedMs)) } : run;
}

/** A failed top level's result when the job asked for times: its time is the first test's, the others ran for 0. */
function timedFirst(job: RunnerJob, result: SandboxResult, startedMs: number): SandboxResult {
  if (job.reportTime !== true || result.kind !== 'ran') return result;
  const elapsedMs = performance.now() - startedMs;
  return { kind: 'ran', tests: result.tests.map((run, index) => timed(job, run, index === 0 ? elapsedMs : 0)) };
}

function send(message: RunnerMessage): void {
  process.send?.(message);
}

if (process.send !== undefined) {
  let ahead: Promise<Stage | null> = Promise.resolve(null);
  let previous: Promise<void> = Promise.resolve();
  const handle = async (message: Extract<SupervisorMessage, { type: 'job' }>): Promise<void> => {
    const staged = await ahead;
    let result: SandboxResult;
    try {
      result = runJob(message.job, staged);
    } catch (error) {
      disposeIsolate();
      result = allTests(message.job, 'runtime_error', `sandbox fault: ${messageOf(error)}`);
    }
    // Peak, not current, resident memory: getrusage is a few times cheaper than reading /proc, and a runner that
    // once grew past the limit is better replaced anyway.
    send({ type: 'result', id: message.id, result, rssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
    ahead = stageAhead(message.job.memoryLimitMb);
  };
  process.on('message', (message: SupervisorMessage) => {
    // One job at a time, in order; a runner that cannot answer any more is done (the supervisor replaces it).
    if (message.type === 'job') previous = previous.then(() => handle(message)).catch(() => process.exit(1));
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}
