import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, describe, it } from 'vitest';
import { descendantsOf } from '../../test-fixtures/os/process-tree.ts';
import { FAST, call, hostile, stdio } from './fixtures.ts';
import { createPythonSandbox } from './index.ts';
import type { TestOutcome } from './types.ts';

const sandbox = createPythonSandbox({ concurrency: 2, maxOutputBytes: 64 * 1024 });
afterAll(() => sandbox.close());

const statuses = (outcomes: TestOutcome[]): string[] => outcomes.map((o) => o.status);
const stdoutOf = (outcome: TestOutcome | undefined): string => (outcome?.status === 'ok' ? outcome.stdout : `<${outcome?.status}>`);

/** This process's descendants whose command line mentions the harness (bwrap, harness, its children). */
function jailProcesses(): string[] {
  return descendantsOf(process.pid)
    .filter((row) => row.args.includes('/harness.py'))
    .map((row) => row.args);
}

describe.concurrent('python sandbox: early exits never pass a function-call test', () => {
  for (const name of ['call-sys-exit-zero-before-return', 'call-os-exit-zero-before-return', 'call-posix-exit-zero']) {
    it(`scores ${name} as a runtime error`, async ({ expect }) => {
      const outcomes = await sandbox.run(hostile(name), [call('solve', 1)], FAST);
      expect(statuses(outcomes)).toEqual(['runtime_error']);
    });
  }

  it('reports raise SystemExit at import time as a runtime error', async ({ expect }) => {
    const outcomes = await sandbox.run(hostile('import-time-raise-system-exit'), [call('solve', 1)], FAST);
    expect(outcomes).toEqual([{ status: 'runtime_error', detail: 'SystemExit' }]);
  });

  it('fails a stdio program that prints the right answer and then exits non-zero', async ({ expect }) => {
    const outcomes = await sandbox.run(hostile('stdio-correct-output-then-exit-one'), [stdio('21\n')], FAST);
    expect(outcomes).toEqual([{ status: 'runtime_error', detail: 'exit status 1' }]);
  });
});

describe.concurrent('python sandbox: results cannot be forged', () => {
  it('serialises an always-equal object as an error, never as a value', async ({ expect }) => {
    const outcomes = await sandbox.run(hostile('returns-always-equal-object'), [call('solve', 1)], FAST);
    expect(outcomes).toEqual([{ status: 'runtime_error', detail: 'result is not JSON-serialisable (TypeError)' }]);
  });

  it('refuses NaN results', async ({ expect }) => {
    const outcomes = await sandbox.run(hostile('returns-nan'), [call('solve', 1)], FAST);
    expect(outcomes).toEqual([{ status: 'runtime_error', detail: 'result is not JSON-serialisable (ValueError)' }]);
  });

  it('serialises with the json.dumps captured before user code, not a patched one', async ({ expect }) => {
    const outcomes = await sandbox.run(hostile('patches-json-dumps-at-import'), [call('solve', 1)], FAST);
    expect(outcomes).toEqual([{ status: 'ok', stdout: '', valueJson: '"honest value"' }]);
  });

  it('treats records printed on stdout as plain output', async ({ expect }) => {
    const outcomes = await sandbox.run(hostile('forges-records-on-stdout'), [stdio(''), stdio('')], FAST);
    expect(statuses(outcomes)).toEqual(['ok', 'ok']);
    expect(stdoutOf(outcomes[1])).toContain('wrong');
  });

  it('ignores records written to every descriptor the program can reach', async ({ expect }) => {
    const outcomes = await sandbox.run(hostile('forges-records-on-every-descriptor'), [call('solve', 1), call('solve', 2)], FAST);
    // The bytes land in the program's own report pipe and spoil only its own report.
    expect(outcomes).toEqual([1, 2].map(() => ({ status: 'runtime_error', detail: 'malformed report' })));
  });

  it('denies pidfd_getfd, ptrace and /proc access to the harness descriptors', async ({ expect }) => {
    const [outcome] = await sandbox.run(hostile('steals-harness-descriptor-via-syscalls'), [stdio('')], FAST);
    expect(stdoutOf(outcome)).toBe('pidfd_getfd=-1 ptrace=-1 proc=False\n');
  });

  it('keeps builtins and json patched by one test away from the next test', async ({ expect }) => {
    const outcomes = await sandbox.run(hostile('patches-builtins-for-next-test'), [call('solve', [1, 2]), call('solve', [1])], FAST);
    expect(outcomes.map((o) => (o.status === 'ok' ? o.valueJson : o.status))).toEqual(['42', '42']);
  });

  it('survives a program that kills every process it can, and runs the next test', async ({ expect }) => {
    const outcomes = await sandbox.run(hostile('kills-every-process'), [call('solve', 1), call('solve', 2)], FAST);
    expect(statuses(outcomes)).toEqual(['runtime_error', 'runtime_error']);
    expect(outcomes[0]).toEqual({ status: 'runtime_error', detail: 'killed by signal 9' });
  });

  it('fails output that is not valid UTF-8', async ({ expect }) => {
    const outcomes = await sandbox.run(hostile('prints-invalid-utf8'), [stdio('')], FAST);
    expect(outcomes).toEqual([{ status: 'runtime_error', detail: 'stdout is not valid UTF-8' }]);
  });
});

describe.concurrent('python sandbox: time, memory and output limits', () => {
  const limits = { timeLimitMs: 300, memoryLimitMb: 256 };
  for (const name of ['infinite-loop', 'ignores-sigxcpu-and-sigterm', 'sleeps-forever', 'computes-seven-to-the-billion']) {
    it(`times out ${name} at the per-test deadline and runs the next test`, async ({ expect }) => {
      const started = Date.now();
      const outcomes = await sandbox.run(hostile(name), [stdio(''), stdio('')], limits);
      expect(statuses(outcomes)).toEqual(['timeout', 'timeout']);
      expect(Date.now() - started).toBeLessThan(3000);
    });
  }

  it('stops a memory bomb with memory_limit', async ({ expect }) => {
    const outcomes = await sandbox.run(hostile('allocates-memory-bomb'), [stdio('')], { timeLimitMs: 2000, memoryLimitMb: 128 });
    expect(outcomes).toEqual([{ status: 'memory_limit', detail: 'MemoryError' }]);
  });

  it('stops an output flood at the byte cap', async ({ expect }) => {
    const outcomes = await sandbox.run(hostile('floods-stdout'), [stdio('')], FAST);
    expect(outcomes).toEqual([{ status: 'output_limit', detail: 'stdout exceeds 65536 bytes' }]);
  });

  it('stops one 50 MB line at the byte cap', async ({ expect }) => {
    // Building and encoding the 50 MB string alone takes ~0.4 s of CPU; next to the fork and thread bombs of this
    // file on 2 busy cores it outlasted FAST's 1 s (timeout, not the cap under test).
    const outcomes = await sandbox.run(hostile('writes-one-huge-line'), [stdio('')], { ...FAST, timeLimitMs: 5_000 });
    expect(statuses(outcomes)).toEqual(['output_limit']);
  });

  it('stops a huge return value at the byte cap', async ({ expect }) => {
    const outcomes = await sandbox.run(hostile('returns-huge-result'), [call('solve', 1)], FAST);
    expect(outcomes).toEqual([{ status: 'output_limit', detail: 'result exceeds 65536 bytes' }]);
  });

  it('contains unbounded recursion under a huge recursion limit', async ({ expect }) => {
    const outcomes = await sandbox.run(hostile('recursion-segfault'), [stdio('')], FAST);
    expect(outcomes[0]?.status).toMatch(/^(runtime_error|memory_limit|timeout)$/);
  });

  it('refuses memfd and SysV shared memory and keeps tmpfs writes small', async ({ expect }) => {
    const [outcome] = await sandbox.run(hostile('escapes-memory-limit-through-shm'), [stdio('')], FAST);
    expect(stdoutOf(outcome)).toBe('memfd -1 shmget -1\n/dev/shm/fill stopped OSError\n/tmp/fill stopped OSError\n');
  });
});

describe.concurrent('python sandbox: processes', () => {
  for (const name of ['fork-bomb', 'thread-bomb']) {
    it(`contains a ${name} within the deadline`, async ({ expect }) => {
      const started = Date.now();
      const outcomes = await sandbox.run(hostile(name), [stdio(''), stdio('')], { timeLimitMs: 400, memoryLimitMb: 256 });
      expect(outcomes.every((o) => o.status !== 'ok')).toBe(true);
      expect(Date.now() - started).toBeLessThan(4000);
    });
  }

  it('kills a double-fork daemon before the next test and leaves nothing behind', async ({ expect }) => {
    const outcomes = await sandbox.run(hostile('double-fork-daemon'), [stdio('spawn'), stdio('check')], FAST);
    expect(stdoutOf(outcomes[0])).toContain('spawned');
    expect(outcomes[1]).toEqual({ status: 'ok', stdout: 'daemon gone\n' });
  });

  it('refuses nested user namespaces', async ({ expect }) => {
    const [outcome] = await sandbox.run(hostile('creates-nested-user-namespace'), [stdio('')], FAST);
    expect(stdoutOf(outcome)).toMatch(/^unshare -1 errno (1|22|28)\n$/);
  });
});

describe.concurrent('python sandbox: the host is out of reach', () => {
  it('cannot write outside its tmpfs', async ({ expect }) => {
    const hostFile = `/var/tmp/arbiter-escape-${process.pid}`;
    const targets = ['/usr/pwned', '/job/pwned', '/harness.py', '/pwned', hostFile, '/work/main/pwned'];
    const [outcome] = await sandbox.run(hostile('writes-outside-the-jail'), [stdio(targets.join('\n'))], FAST);
    expect(stdoutOf(outcome)).not.toContain('wrote');
    expect(existsSync(hostFile) || existsSync('/work/main/pwned')).toBe(false);
  });

  it('sees no host secrets: empty environment, no /proc, no host files', async ({ expect }) => {
    process.env.ARBITER_TEST_SECRET = 'hunter2-do-not-leak';
    const [outcome] = await sandbox.run(hostile('reads-host-secrets'), [stdio('')], FAST);
    const out = stdoutOf(outcome);
    expect(out).not.toContain('hunter2');
    expect(out).not.toMatch(/\/proc\/1\/environ=|\/etc\/shadow=|package\.json=/);
    // PWD comes from bwrap's --chdir, LC_CTYPE from CPython's own UTF-8 locale coercion.
    expect(out).toContain("env=[('LC_CTYPE', 'C.UTF-8'), ('MALLOC_ARENA_MAX', '2'), ('PWD', '/tmp'), ('PYTHONDONTWRITEBYTECODE', '1'), ('PYTHONINTMAXSTRDIGITS', '0'), ('PYTHONUTF8', '1')]");
  });

  it('has no network, not even loopback', async ({ expect }) => {
    let connections = 0;
    const server = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const [outcome] = await sandbox.run(hostile('connects-to-loopback'), [stdio(`${port}\n`)], FAST);
    await new Promise((resolve) => server.close(resolve));
    expect(stdoutOf(outcome)).not.toContain('connected');
    expect(connections).toBe(0);
  });

  it('starts every run with an empty /tmp', async ({ expect }) => {
    const first = await sandbox.run(hostile('poisons-tmp-for-next-run'), [stdio('plant')], FAST);
    expect(stdoutOf(first[0])).toContain('planted');
    const second = await sandbox.run(hostile('poisons-tmp-for-next-run'), [stdio('check')], FAST);
    expect(second).toEqual([{ status: 'ok', stdout: 'left over []\n' }]);
  });
});

describe.concurrent('python sandbox: one completion cannot harm the next in the same warm jail', () => {
  const honestRun = async (own: ReturnType<typeof createPythonSandbox>): Promise<string[]> => {
    const program = 'import os, resource\nprint(os.getpriority(os.PRIO_PROCESS, 0), len(os.sched_getaffinity(0)), resource.getrlimit(resource.RLIMIT_NOFILE)[0])\n';
    const outcomes = await own.run(program, Array.from({ length: 12 }, () => stdio('')), FAST);
    return outcomes.map(stdoutOf);
  };

  for (const name of ['lowers-harness-rlimits', 'renices-and-pins-the-harness', 'sends-sigint-to-the-harness']) {
    it(`runs the next completion normally after ${name}`, async ({ expect }) => {
      const own = createPythonSandbox({ concurrency: 1 });
      try {
        const baseline = await honestRun(own);
        const first = await own.run(hostile(name), [call('solve', 1), call('solve', 2)], FAST);
        expect(first.map((o) => (o.status === 'ok' ? o.valueJson : o.status))).toEqual(['1', '2']);
        expect(await honestRun(own)).toEqual(baseline);
      } finally {
        await own.close();
      }
    });
  }

  it('cannot create SysV or POSIX IPC objects that would outlive it', async ({ expect }) => {
    const [outcome] = await sandbox.run(hostile('creates-sysv-message-queue'), [stdio('')], FAST);
    expect(outcome).toEqual({ status: 'ok', stdout: 'msgget -1 semget -1 mq_open -1\n' });
  });

  for (const name of ['marks-tmp-with-xattrs-and-modes', 'plants-deep-directory-tree']) {
    it(`hands the next completion empty scratch mounts after ${name}`, async ({ expect }) => {
      const own = createPythonSandbox({ concurrency: 1 });
      try {
        const [planted] = await own.run(hostile(name), [stdio('plant')], { timeLimitMs: 3000, memoryLimitMb: 256 });
        expect(stdoutOf(planted)).toContain('planted');
        const [checked] = await own.run(hostile(name), [stdio('check')], FAST);
        expect(checked).toEqual({ status: 'ok', stdout: 'left over []\n' });
      } finally {
        await own.close();
      }
    });
  }
});

describe.concurrent('python sandbox: programs that never finish', () => {
  for (const name of ['blocks-on-a-fifo', 'catastrophic-regex-backtracking']) {
    it(`times out ${name}`, async ({ expect }) => {
      const outcomes = await sandbox.run(hostile(name), [stdio(''), stdio('')], { timeLimitMs: 300, memoryLimitMb: 256 });
      expect(statuses(outcomes)).toEqual(['timeout', 'timeout']);
    });
  }
});

describe('python sandbox: teardown', () => {
  it('keeps only its warm jails between runs and leaves no process after close', async ({ expect }) => {
    await sandbox.close();
    const own = createPythonSandbox({ concurrency: 1 });
    await own.run(hostile('double-fork-daemon'), [stdio('spawn')], FAST);
    await own.run(hostile('fork-bomb'), [stdio('')], { timeLimitMs: 200, memoryLimitMb: 256 });
    await own.run(hostile('double-fork-daemon'), [stdio('spawn')], FAST);
    // One warm jail: bwrap and its harness. The daemons and the bomb's processes are gone.
    const warm = jailProcesses();
    expect(warm.filter((args) => args.startsWith('/usr/bin/bwrap'))).toHaveLength(1);
    expect(warm.filter((args) => !args.startsWith('/usr/bin/bwrap'))).toHaveLength(1);
    await own.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(jailProcesses()).toEqual([]);
  });
});
