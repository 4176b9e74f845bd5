/**
 * The runner: the child-process side of the JavaScript sandbox (started by supervisor.ts with
 * `--no-node-snapshot --no-expose-wasm`; never loaded into the API, worker or grading threads). Each job gets
 * a fresh context in a long-lived isolate; the isolate is thrown away after anything abnormal (a timeout
 * may leave microtasks queued; an out-of-memory disposes it) and after a number of jobs. Protocol:
 * protocol.ts.
 */
import ivm from 'isolated-vm';
import { PRELUDE_SOURCE, asScript, wrapModule } from './prelude.ts';
import { MAX_ERROR_CHARS, type RunnerJob, type RunnerMessage, type SandboxResult, type SupervisorMessage, type TestRun } from './protocol.ts';

/** Contexts one isolate serves before it is replaced (bounds heap fragmentation and leftovers). */
const JOBS_PER_ISOLATE = 200;

type Outcome = { readonly kind: 'value'; readonly value: unknown } | { readonly kind: 'timeout' } | { readonly kind: 'memory_limit' } | { readonly kind: 'error'; readonly message: string };

interface Envelope {
  readonly s: TestRun['status'];
  readonly o: string;
  readonly e?: string;
}

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

function parseEnvelope(value: unknown): TestRun {
  if (typeof value !== 'string') return { status: 'runtime_error', output: '', error: 'sandbox protocol error' };
  const envelope = JSON.parse(value) as Envelope;
  return envelope.e === undefined ? { status: envelope.s, output: envelope.o } : { status: envelope.s, output: envelope.o, error: envelope.e };
}

const LIMIT_ERRORS = { timeout: 'time limit exceeded', memory_limit: 'memory limit exceeded' } as const;

/** Runs one job; every outcome of the user's program is data in the result. */
export function runJob(job: RunnerJob): SandboxResult {
  const { isolate: current, prelude: preludeScript } = freshIsolate(job.memoryLimitMb);
  const context = current.createContextSync();
  // Every handle into the context is released with it, or the isolate would keep the context alive.
  const handles: { release(): void }[] = [];
  let dirty = false;
  try {
    const dispatch = preludeScript.runSync(context, { reference: true }) as ivm.Reference<(op: string, a?: unknown, b?: unknown) => string>;
    handles.push(dispatch);
    const apply = (timeoutMs: number, op: string, a?: ivm.Transferable, b?: ivm.Transferable): Outcome =>
      outcomeOf(current, () => dispatch.applySync(undefined, [op, a, b] as never, { timeout: Math.max(1, Math.ceil(timeoutMs)) }));
    apply(job.timeLimitMs, 'config', job.maxOutputBytes);

    const hasCall = job.tests.some((t) => t.kind === 'call');
    const hasStdio = job.tests.some((t) => t.kind === 'stdio');
    let script: ivm.Script | null = null;
    let wrapper: ivm.Script | null = null;
    try {
      if (hasCall) handles.push((script = current.compileScriptSync(asScript(job.source), { filename: 'main.js' })));
      if (hasStdio) handles.push((wrapper = current.compileScriptSync(wrapModule(job.source), { filename: 'main.js' })));
    } catch (error) {
      if (current.isDisposed) return allTests(job, 'memory_limit', LIMIT_ERRORS.memory_limit);
      return { kind: 'compile_error', error: messageOf(error) };
    }

    if (wrapper !== null) {
      const main = outcomeOf(current, () => wrapper.runSync(context, { reference: true, timeout: job.timeLimitMs }) as ivm.Reference);
      if (main.kind !== 'value') return abnormal(job, main, (d) => (dirty = d));
      handles.push(main.value as ivm.Reference);
      apply(job.timeLimitMs, 'main', (main.value as ivm.Reference).derefInto());
    }
    if (script !== null) {
      apply(job.timeLimitMs, 'begin');
      const top = outcomeOf(current, () => script.runSync(context, { timeout: job.timeLimitMs }));
      if (top.kind !== 'value') return abnormal(job, top, (d) => (dirty = d));
    }

    const tests: TestRun[] = [];
    let stop: 'timeout' | 'memory_limit' | null = null;
    for (const test of job.tests) {
      if (stop !== null) {
        tests.push({ status: stop, output: '', error: LIMIT_ERRORS[stop], skipped: true });
        continue;
      }
      const started = performance.now();
      let outcome = test.kind === 'call' ? apply(job.timeLimitMs, 'call', test.call, test.argsJson) : apply(job.timeLimitMs, 'stdio', test.input);
      if (outcome.kind === 'value' && (test.kind === 'stdio' || outcome.value === 'P')) {
        outcome = apply(job.timeLimitMs - (performance.now() - started), 'collect');
      }
      switch (outcome.kind) {
        case 'value':
          tests.push(parseEnvelope(outcome.value));
          break;
        case 'timeout':
        case 'memory_limit':
          dirty = true;
          stop = outcome.kind;
          tests.push({ status: outcome.kind, output: '', error: LIMIT_ERRORS[outcome.kind] });
          break;
        case 'error':
          dirty = true;
          tests.push({ status: 'runtime_error', output: '', error: outcome.message });
          break;
      }
    }
    return { kind: 'ran', tests };
  } finally {
    if (!current.isDisposed) {
      for (const handle of handles) handle.release();
      context.release();
    }
    if (dirty || current.isDisposed) disposeIsolate();
  }
}

function allTests(job: RunnerJob, status: TestRun['status'], error: string): SandboxResult {
  return { kind: 'ran', tests: job.tests.map(() => ({ status, output: '', error })) };
}

// The program's top level did not finish: every test fails the same way.
function abnormal(job: RunnerJob, outcome: Exclude<Outcome, { kind: 'value' }>, markDirty: (dirty: boolean) => void): SandboxResult {
  if (outcome.kind !== 'error') markDirty(true);
  if (outcome.kind === 'error') return allTests(job, 'runtime_error', outcome.message);
  return allTests(job, outcome.kind, LIMIT_ERRORS[outcome.kind]);
}

function send(message: RunnerMessage): void {
  process.send?.(message);
}

if (process.send !== undefined) {
  process.on('message', (message: SupervisorMessage) => {
    if (message.type !== 'job') return;
    let result: SandboxResult;
    try {
      result = runJob(message.job);
    } catch (error) {
      disposeIsolate();
      result = allTests(message.job, 'runtime_error', `sandbox fault: ${messageOf(error)}`);
    }
    send({ type: 'result', id: message.id, result, rssMb: Math.round(process.memoryUsage.rss() / 1_048_576) });
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}
