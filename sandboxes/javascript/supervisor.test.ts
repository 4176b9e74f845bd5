import { describe, expect, it } from 'vitest';
import { createJavaScriptSandbox } from './supervisor.ts';
import type { SandboxRequest } from './protocol.ts';

const request = (source: string, overrides: Partial<SandboxRequest> = {}): SandboxRequest => ({
  language: 'javascript',
  source,
  tests: [{ kind: 'call', call: 'f', args: [2] }],
  timeLimitMs: 500,
  memoryLimitMb: 32,
  maxOutputBytes: 1024,
  ...overrides,
});

describe('createJavaScriptSandbox', () => {
  it('returns raw outputs: serialised return values and stdout', async () => {
    const sandbox = createJavaScriptSandbox();
    try {
      expect(await sandbox.run(request('function f(x) { return { x, y: [true, null, 1.5] }; }'))).toEqual({
        kind: 'ran',
        tests: [{ status: 'ok', output: '{"x":2,"y":[true,null,1.5]}' }],
      });
      expect(await sandbox.run(request('console.log(require("fs").readFileSync(0, "utf8").trim() + "!")', { tests: [{ kind: 'stdio', input: 'hi\n' }] }))).toEqual({
        kind: 'ran',
        tests: [{ status: 'ok', output: 'hi!\n' }],
      });
    } finally {
      await sandbox.close();
    }
  });

  it('SIGKILLs a runner that outlives its watchdog and reports every test as timeout', async () => {
    const runnerUrl = new URL('../../test-fixtures/hostile/runner-that-never-answers.ts', import.meta.url);
    const sandbox = createJavaScriptSandbox({ runnerUrl, killMarginMs: 100 });
    try {
      const result = await sandbox.run(request('function f() {}', { timeLimitMs: 50 }));
      expect(result).toEqual({ kind: 'ran', tests: [{ status: 'timeout', output: '', error: 'time limit exceeded (sandbox process killed)' }] });
      expect(sandbox.processesReplaced).toBe(1);
    } finally {
      await sandbox.close();
    }
  });

  it('replaces a runner that dies and reports the job as a failure, not an exception', async () => {
    const sandbox = createJavaScriptSandbox();
    try {
      const result = await sandbox.run(request('new Array(1e9).fill(0); function f() {}', { memoryLimitMb: 16, timeLimitMs: 5000 }));
      expect(result.kind).toBe('ran');
      expect(['memory_limit', 'timeout']).toContain(result.kind === 'ran' ? result.tests[0]?.status : null);
      expect(sandbox.processesReplaced).toBe(1);
      expect(await sandbox.run(request('function f(x) { return x; }'))).toEqual({ kind: 'ran', tests: [{ status: 'ok', output: '2' }] });
    } finally {
      await sandbox.close();
    }
  });

  it('recycles a runner after jobsPerProcess jobs without losing any', async () => {
    const sandbox = createJavaScriptSandbox({ jobsPerProcess: 2 });
    try {
      const results = await Promise.all([1, 2, 3].map((n) => sandbox.run(request(`function f() { return ${n}; }`))));
      expect(results.map((r) => (r.kind === 'ran' ? r.tests[0]?.output : null))).toEqual(['1', '2', '3']);
      expect(sandbox.processesReplaced).toBe(0);
    } finally {
      await sandbox.close();
    }
  });

  it('turns a TypeScript syntax error into compile_error without starting a runner', async () => {
    const sandbox = createJavaScriptSandbox();
    try {
      expect(await sandbox.run(request('let x: = 1', { language: 'typescript' }))).toMatchObject({ kind: 'compile_error' });
    } finally {
      await sandbox.close();
    }
  });

  it('rejects jobs after close', async () => {
    const sandbox = createJavaScriptSandbox();
    await sandbox.close();
    await expect(sandbox.run(request('function f() {}'))).rejects.toThrow('closed');
  });
});
