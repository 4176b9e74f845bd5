/**
 * One jail: bubblewrap around a warmed `/usr/bin/python3 -I -S harness.py` that serves one job per
 * completion, one after another (see harness.py). Per job: a wall-clock deadline enforced with
 * SIGKILL of the jail's whole process group, a byte cap on the result channel; the jail is retired
 * (killed, never reused) after any deadline, overflow, malformed record or harness request, and
 * after {@link MAX_JOBS_PER_JAIL} jobs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { lstatSync, readlinkSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { encodeJob, parseRecords } from './protocol.ts';
import { packagePath } from '../../src/core/package-root.ts';
import { buildSeccompFilter } from './seccomp.ts';
import { PythonSandboxError, type RunLimits, type TestInput, type TestOutcome } from './types.ts';

const BWRAP = '/usr/bin/bwrap';
const PYTHON = '/usr/bin/python3';
// Located from the package root, not import.meta.url: this code also runs from the bundle in dist/.
const HARNESS = packagePath('sandboxes', 'python', 'harness.py');
const NOBODY = 65534;
const TMPFS_BYTES = 32 * 1024 * 1024;
const SHM_BYTES = 1024 * 1024;
const STARTUP_MARGIN_MS = 2000;
const PER_TEST_MARGIN_MS = 100;
const STDERR_CAP_BYTES = 16 * 1024;
const SECCOMP = buildSeccompFilter();

/** `/lib`, `/lib64`, `/bin`, `/sbin`: symlinks into /usr on merged-/usr hosts, else bound read-only. */
function systemDirArgs(): string[] {
  const args = ['--ro-bind', '/usr', '/usr'];
  for (const dir of ['/lib', '/lib64', '/bin', '/sbin']) {
    try {
      const stat = lstatSync(dir);
      if (stat.isSymbolicLink()) args.push('--symlink', readlinkSync(dir), dir);
      else if (stat.isDirectory()) args.push('--ro-bind', dir, dir);
    } catch {
      // absent on this host: nothing to expose
    }
  }
  return args;
}

const SYSTEM_DIR_ARGS = systemDirArgs();

/** Jobs one jail serves before it is replaced: bounds any slow drift of a long-lived interpreter. */
export const MAX_JOBS_PER_JAIL = 1000;

function bwrapArgs(): string[] {
  return [
    '--unshare-all', '--unshare-user', '--disable-userns', '--die-with-parent', '--new-session', '--as-pid-1',
    '--uid', String(NOBODY), '--gid', String(NOBODY), '--cap-drop', 'ALL', '--hostname', 'jail',
    ...SYSTEM_DIR_ARGS,
    '--dev', '/dev',
    '--size', String(SHM_BYTES), '--tmpfs', '/dev/shm',
    '--size', String(TMPFS_BYTES), '--tmpfs', '/tmp',
    '--ro-bind', HARNESS, '/harness.py',
    '--remount-ro', '/',
    '--chdir', '/tmp',
    '--setenv', 'PYTHONUTF8', '1', '--setenv', 'PYTHONINTMAXSTRDIGITS', '0', '--setenv', 'PYTHONDONTWRITEBYTECODE', '1',
    '--setenv', 'MALLOC_ARENA_MAX', '2',
    '--seccomp', '4',
    // -I ignores PYTHON* variables, so the same settings are also given as flags.
    PYTHON, '-I', '-S', '-B', '-X', 'utf8', '-X', 'int_max_str_digits=0', '/harness.py',
  ];
}

/** Collects a stream up to `capBytes` and drops the rest (the jail's stderr, for diagnostics). */
function collectCapped(stream: Readable, capBytes: number): () => Buffer {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    if (size >= capBytes) return;
    chunks.push(chunk.subarray(0, capBytes - size));
    size += chunk.length;
  });
  stream.on('error', () => undefined);
  return () => Buffer.concat(chunks);
}

/** One completion's job, encoded for the harness with its own nonce. */
export interface PreparedJob {
  nonce: string;
  bytes: Buffer;
  tests: readonly TestInput[];
  limits: RunLimits;
  maxOutputBytes: number;
  /** The harness adds each test's time to its record (and the records are parsed so). */
  reportTime: boolean;
}

/** Encodes a job; throws TypeError for an entry point Python cannot call (before any jail is used). */
export function prepareJob(program: string, tests: readonly TestInput[], limits: RunLimits, maxOutputBytes: number, reportTime = false): PreparedJob {
  const nonce = randomBytes(16).toString('hex');
  return { nonce, bytes: encodeJob(nonce, program, tests, limits, maxOutputBytes, reportTime), tests, limits, maxOutputBytes, reportTime };
}

/** How one job ended: outcomes (and whether the jail may take another job), or no start at all. */
export type JobResult =
  | { kind: 'done'; outcomes: TestOutcome[]; reusable: boolean }
  | { kind: 'not_started'; reason: string };

type KillReason = 'deadline' | 'overflow' | 'closed' | 'retired';

interface ActiveJob {
  nonce: string;
  tests: readonly TestInput[];
  reportTime: boolean;
  doneTails: readonly string[];
  chunks: Buffer[];
  size: number;
  cap: number;
  tail: string;
  timer: NodeJS.Timeout;
  killed: KillReason | undefined;
  settle: (result: JobResult) => void;
  fail: (error: Error) => void;
}

/** A started jail; {@link Jail.run} one job at a time. */
export class Jail {
  readonly #child: ChildProcess;
  readonly #stderr: () => Buffer;
  #jobs = 0;
  #exited = false;
  #retired = false;
  #spawnError: Error | undefined;
  #job: ActiveJob | undefined;

  constructor() {
    const asNobody = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
    this.#child = spawn(BWRAP, bwrapArgs(), {
      env: {},
      detached: true,
      stdio: ['pipe', 'ignore', 'pipe', 'pipe', 'pipe'],
      ...asNobody,
    });
    const child = this.#child;
    this.#stderr = collectCapped(child.stderr as Readable, STDERR_CAP_BYTES);
    const seccomp = child.stdio[4] as Writable;
    seccomp.on('error', () => undefined);
    seccomp.end(SECCOMP);
    child.stdin?.on('error', () => undefined);
    const channel = child.stdio[3] as Readable;
    channel.on('data', (chunk: Buffer) => this.#onRecords(chunk));
    channel.on('error', () => undefined);
    child.on('error', (error) => {
      this.#spawnError = error;
    });
    child.on('close', () => {
      this.#exited = true;
      this.#finish();
    });
    // An idle jail must not keep the host process alive; a running job holds its deadline timer.
    child.unref();
    for (const stream of child.stdio) (stream as { unref?: () => void } | null)?.unref?.();
  }

  /** True while the jail can take another job. */
  get usable(): boolean {
    return !this.#exited && !this.#retired && this.#job === undefined && this.#jobs < MAX_JOBS_PER_JAIL;
  }

  /** Jobs sent to this jail so far. */
  get jobs(): number {
    return this.#jobs;
  }

  /**
   * Runs one job. Resolves with every behaviour of the program as an outcome, or
   * `not_started` when the jail produced nothing (bubblewrap missing, jail died before the job);
   * rejects only with {@link PythonSandboxError} when the jail was killed by `kill()`.
   */
  run({ nonce, bytes, tests, limits, maxOutputBytes, reportTime }: PreparedJob): Promise<JobResult> {
    this.#jobs += 1;
    return new Promise((resolve, reject) => {
      const deadlineMs = tests.reduce((sum) => sum + limits.timeLimitMs + PER_TEST_MARGIN_MS, STARTUP_MARGIN_MS);
      this.#job = {
        nonce,
        tests,
        reportTime,
        doneTails: [`${nonce} done keep 0\n\n`, `${nonce} done retire 0\n\n`],
        chunks: [],
        size: 0,
        cap: tests.length * (maxOutputBytes + 512) + 4096,
        tail: '',
        timer: setTimeout(() => this.#kill('deadline'), deadlineMs),
        killed: undefined,
        settle: resolve,
        fail: reject,
      };
      if (this.#exited) return this.#finish();
      this.#child.stdin?.write(bytes);
    });
  }

  /** Kills the jail; a running job rejects with {@link PythonSandboxError}. */
  kill(): void {
    this.#kill('closed');
  }

  /** Retires the jail: killed now, never reused. */
  retire(): void {
    this.#kill('retired');
  }

  #kill(why: KillReason): void {
    this.#retired = true;
    if (this.#job !== undefined) this.#job.killed ??= why;
    const pid = this.#child.pid;
    if (pid !== undefined && !this.#exited) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    for (const stream of this.#child.stdio) stream?.destroy();
    // Destroyed pipes may never emit 'close' on the child: settle the job here.
    this.#finish();
  }

  #onRecords(chunk: Buffer): void {
    const job = this.#job;
    if (job === undefined) return this.#kill('retired'); // the harness never writes between jobs
    job.chunks.push(chunk);
    job.size += chunk.length;
    if (job.size > job.cap) return this.#kill('overflow');
    job.tail = (job.tail + chunk.toString('latin1')).slice(-80);
    if (!job.doneTails.some((tail) => job.tail.endsWith(tail))) return;
    const parsed = parseRecords(Buffer.concat(job.chunks), job.nonce, job.tests, job.reportTime);
    if (!parsed.done) return;
    this.#settle(job, { kind: 'done', outcomes: parsed.outcomes, reusable: !parsed.retire });
    if (parsed.retire) this.retire();
  }

  #settle(job: ActiveJob, result: JobResult): void {
    clearTimeout(job.timer);
    this.#job = undefined;
    job.settle(result);
  }

  /** Ends the running job after the jail died or was killed: what arrived, then the rest decided. */
  #finish(): void {
    const job = this.#job;
    if (job === undefined) return;
    clearTimeout(job.timer);
    this.#job = undefined;
    const parsed = parseRecords(Buffer.concat(job.chunks), job.nonce, job.tests, job.reportTime);
    if (parsed.done) return job.settle({ kind: 'done', outcomes: parsed.outcomes, reusable: false });
    if (job.killed === 'closed') return job.fail(new PythonSandboxError('the Python sandbox was closed during the run'));
    if (job.killed === undefined && parsed.outcomes.length === 0) {
      const reason = this.#spawnError?.message ?? this.#stderr().toString('utf8').trim().slice(0, 500);
      return job.settle({ kind: 'not_started', reason });
    }
    const rest: TestOutcome[] = job.tests.slice(parsed.outcomes.length).map(() =>
      job.killed === 'deadline'
        ? { status: 'timeout', detail: 'run deadline exceeded' }
        : { status: 'runtime_error', detail: 'sandbox ended before this test' },
    );
    job.settle({ kind: 'done', outcomes: [...parsed.outcomes, ...rest], reusable: false });
    if (!this.#exited) this.#kill('retired');
  }
}
