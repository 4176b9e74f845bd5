/**
 * One jail run: a fresh job directory, bubblewrap around `/usr/bin/python3 -I -S harness.py`,
 * a wall-clock deadline enforced with SIGKILL of the whole process group, byte caps on every pipe
 * while reading, and the job directory deleted afterwards. No Python state survives a run.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { lstatSync, readlinkSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { parseRecords, writeJobDir } from './protocol.ts';
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

function bwrapArgs(jobDir: string): string[] {
  return [
    '--unshare-all', '--unshare-user', '--disable-userns', '--die-with-parent', '--new-session', '--as-pid-1',
    '--uid', String(NOBODY), '--gid', String(NOBODY), '--cap-drop', 'ALL', '--hostname', 'jail',
    ...SYSTEM_DIR_ARGS,
    '--dev', '/dev',
    '--size', String(SHM_BYTES), '--tmpfs', '/dev/shm',
    '--size', String(TMPFS_BYTES), '--tmpfs', '/tmp',
    '--ro-bind', jobDir, '/job',
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

/** Collects a stream up to `capBytes`; past the cap it calls `onOverflow` once and keeps draining. */
function collect(stream: Readable, capBytes: number, onOverflow: () => void): () => Buffer {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflowed = false;
  stream.on('data', (chunk: Buffer) => {
    if (overflowed) return;
    size += chunk.length;
    if (size > capBytes) {
      overflowed = true;
      onOverflow();
      return;
    }
    chunks.push(chunk);
  });
  stream.on('error', () => undefined);
  return () => Buffer.concat(chunks);
}

/** A handle on a running jail so the pool can kill it on close(). */
export interface JailHandle {
  kill(): void;
}

/**
 * Runs `tests` against `program` in one fresh jail. Rejects only with {@link PythonSandboxError}
 * when the jail could not start; every behaviour of the program is an outcome.
 */
export async function runInJail(
  program: string,
  tests: readonly TestInput[],
  limits: RunLimits,
  maxOutputBytes: number,
  register: (handle: JailHandle) => () => void,
): Promise<TestOutcome[]> {
  const jobDir = await mkdtemp(join(tmpdir(), 'arbiter-py-'));
  try {
    await chmod(jobDir, 0o755);
    await writeJobDir(jobDir, program, tests, limits, maxOutputBytes);
    return await supervise(jobDir, tests, limits, maxOutputBytes, register);
  } finally {
    await rm(jobDir, { recursive: true, force: true });
  }
}

function supervise(
  jobDir: string,
  tests: readonly TestInput[],
  limits: RunLimits,
  maxOutputBytes: number,
  register: (handle: JailHandle) => () => void,
): Promise<TestOutcome[]> {
  const nonce = randomBytes(16).toString('hex');
  const asNobody = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
  const child = spawn(BWRAP, bwrapArgs(jobDir), {
    env: {},
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'pipe'],
    ...asNobody,
  });
  let killed: 'deadline' | 'overflow' | 'closed' | undefined;
  const kill = (why: NonNullable<typeof killed>): void => {
    killed ??= why;
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    for (const stream of child.stdio) stream?.destroy();
  };
  const unregister = register({ kill: () => kill('closed') });
  const deadlineMs = tests.reduce((sum) => sum + limits.timeLimitMs + PER_TEST_MARGIN_MS, STARTUP_MARGIN_MS);
  const timer = setTimeout(() => kill('deadline'), deadlineMs);
  const channelCap = tests.length * (maxOutputBytes + 512) + 4096;
  const channel = collect(child.stdio[3] as Readable, channelCap, () => kill('overflow'));
  const stderr = collect(child.stderr, STDERR_CAP_BYTES, () => undefined);
  collect(child.stdout, 1024, () => undefined);
  for (const [fd, bytes] of [[0, nonce], [4, SECCOMP]] as const) {
    const stream = child.stdio[fd] as Writable;
    stream.on('error', () => undefined);
    stream.end(bytes);
  }
  return new Promise((resolve, reject) => {
    let spawnError: Error | undefined;
    child.on('error', (error) => {
      spawnError = error;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      unregister();
      const parsed = parseRecords(channel(), nonce, tests);
      if (parsed.done) return resolve(parsed.outcomes);
      if (killed === 'closed') return reject(new PythonSandboxError('the Python sandbox was closed during the run'));
      if (killed === undefined && parsed.outcomes.length === 0) {
        const reason = spawnError?.message ?? stderr().toString('utf8').trim().slice(0, 500);
        return reject(new PythonSandboxError(`the Python jail did not start (exit ${code}): ${reason}`));
      }
      const rest: TestOutcome[] = tests.slice(parsed.outcomes.length).map(() =>
        killed === 'deadline'
          ? { status: 'timeout', detail: 'run deadline exceeded' }
          : { status: 'runtime_error', detail: 'sandbox ended before this test' },
      );
      resolve([...parsed.outcomes, ...rest]);
    });
  });
}
