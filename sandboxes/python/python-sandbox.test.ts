import { afterAll, describe, it } from 'vitest';
import { FAST, call, honest, stdio } from './fixtures.ts';
import { createPythonSandbox } from './index.ts';

const sandbox = createPythonSandbox({ concurrency: 2 });
afterAll(() => sandbox.close());

describe.concurrent('python sandbox: honest programs', () => {
  it('runs a stdio program once per test with that test stdin', async ({ expect }) => {
    const outcomes = await sandbox.run(honest('sum-of-stdin-numbers'), [stdio('1 2 3\n'), stdio('10\n-4\n')], FAST);
    expect(outcomes).toEqual([{ status: 'ok', stdout: '6\n' }, { status: 'ok', stdout: '6\n' }]);
  });

  it('calls a function with JSON arguments and returns its raw result as JSON', async ({ expect }) => {
    const outcomes = await sandbox.run(honest('two-sum-function'), [call('two_sum', [2, 7, 11, 15], 9), call('two_sum', [3, 3], 6)], FAST);
    expect(outcomes.map((o) => (o.status === 'ok' ? o.valueJson : o.status))).toEqual(['[0,1]', '[0,1]']);
  });

  it('calls a method of a LeetCode-style class Solution that uses List without importing typing', async ({ expect }) => {
    const [outcome] = await sandbox.run(honest('leetcode-class-solution'), [call('maxProfit', [7, 1, 5, 3, 6, 4])], FAST);
    expect(outcome).toEqual({ status: 'ok', stdout: '', valueJson: '5' });
  });

  it('handles integers far beyond the 4300-digit conversion limit', async ({ expect }) => {
    const [outcome] = await sandbox.run(honest('big-int-beyond-4300-digits'), [stdio(`20000\n${'9'.repeat(6000)}\n`)], FAST);
    expect(outcome?.status).toBe('ok');
    const lines = outcome?.status === 'ok' ? outcome.stdout.split('\n') : [];
    expect(BigInt(lines[0] ?? '0')).toBe(2n ** 20000n);
    expect(lines[1]).toBe('6001');
  });

  it('reads and writes Unicode as UTF-8', async ({ expect }) => {
    const [outcome] = await sandbox.run(honest('unicode-echo-reversed'), [stdio('héllo wörld\n日本語 🎉\n')], FAST);
    expect(outcome).toEqual({ status: 'ok', stdout: 'dlröw olléh\n🎉 語本日\n' });
  });

  it('ignores stderr noise', async ({ expect }) => {
    const [outcome] = await sandbox.run(honest('stderr-noise-then-answer'), [stdio('21\n')], FAST);
    expect(outcome).toEqual({ status: 'ok', stdout: '42\n' });
  });

  it('captures bytes written to sys.stdout.buffer', async ({ expect }) => {
    const [outcome] = await sandbox.run(honest('stdout-buffer-writes'), [stdio('2 3 12345678901234567890')], FAST);
    expect(outcome).toEqual({ status: 'ok', stdout: '4\n9\n152415787532388367501905199875019052100\n' });
  });

  it('times out a correct but slow solution and still runs the fast tests', async ({ expect }) => {
    const outcomes = await sandbox.run(honest('correct-but-slow-fibonacci'), [call('fib', 20), call('fib', 40)], { timeLimitMs: 300, memoryLimitMb: 256 });
    expect(outcomes).toEqual([
      { status: 'ok', stdout: '', valueJson: '6765' },
      { status: 'timeout', detail: 'time limit exceeded' },
    ]);
  });

  it('returns floats as JSON numbers for the host to compare with tolerance', async ({ expect }) => {
    const [outcome] = await sandbox.run(honest('float-mean'), [call('mean', [0.1, 0.2])], FAST);
    expect(outcome).toEqual({ status: 'ok', stdout: '', valueJson: '0.15000000000000002' });
  });

  it('accepts a stdio program that ends with sys.exit(0) after its output', async ({ expect }) => {
    const [outcome] = await sandbox.run(honest('exits-with-sys-exit-zero-after-output'), [stdio('abc\n')], FAST);
    expect(outcome).toEqual({ status: 'ok', stdout: 'ABC\n' });
  });

  it('serialises tuples as lists', async ({ expect }) => {
    const [outcome] = await sandbox.run(honest('returns-tuple'), [call('divmod_pair', 17, 5)], FAST);
    expect(outcome).toEqual({ status: 'ok', stdout: '', valueJson: '[3,2]' });
  });

  it('runs a HumanEval-style function that imports typing', async ({ expect }) => {
    const outcomes = await sandbox.run(honest('humaneval-has-close-elements'), [call('has_close_elements', [1, 2, 3], 0.5), call('has_close_elements', [1, 2.8, 3], 0.3)], FAST);
    expect(outcomes.map((o) => (o.status === 'ok' ? o.valueJson : o.status))).toEqual(['false', 'true']);
  });

  it('gives every test its own fresh copy of the arguments', async ({ expect }) => {
    const outcomes = await sandbox.run(honest('mutates-its-arguments'), [call('sort_and_count', [3, 1]), call('sort_and_count', [3, 1])], FAST);
    expect(outcomes.map((o) => (o.status === 'ok' ? o.valueJson : o.status))).toEqual(['3', '3']);
  });

  it('allows deep recursion after sys.setrecursionlimit', async ({ expect }) => {
    const [outcome] = await sandbox.run(honest('deep-recursion-with-raised-limit'), [stdio('10000\n')], FAST);
    expect(outcome).toEqual({ status: 'ok', stdout: '10000\n' });
  });

  it('reads stdin through open("/dev/stdin") and ends with exit(), as judge programs do', async ({ expect }) => {
    const program = 'import sys\nsys.stdin = open("/dev/stdin")\nprint(sys.stdin.read().strip()[::-1])\nexit()\nprint("not reached")\n';
    const outcomes = await sandbox.run(program, [stdio('abc\n'), stdio('xyz')], FAST);
    expect(outcomes).toEqual([{ status: 'ok', stdout: 'cba\n' }, { status: 'ok', stdout: 'zyx\n' }]);
  });

  it('reports a syntax error as compile_error for every test', async ({ expect }) => {
    const outcomes = await sandbox.run('def f(:\n  pass\n', [stdio(''), stdio('')], FAST);
    expect(outcomes).toMatchInlineSnapshot(`
      [
        {
          "detail": "SyntaxError",
          "status": "compile_error",
        },
        {
          "detail": "SyntaxError",
          "status": "compile_error",
        },
      ]
    `);
  });

  it('reports a missing entry point and an exception by type name only', async ({ expect }) => {
    const outcomes = await sandbox.run('def f(x):\n    return 1 // x\n', [call('g', 1), call('f', 0)], FAST);
    expect(outcomes).toMatchInlineSnapshot(`
      [
        {
          "detail": "no callable named g",
          "status": "runtime_error",
        },
        {
          "detail": "ZeroDivisionError",
          "status": "runtime_error",
        },
      ]
    `);
  });

  it('follows a dotted entry point (a class on the way to an instance method is instantiated), up to 200 characters', async ({ expect }) => {
    const source = 'class A:\n    k = 2\n    class B:\n        @staticmethod\n        def s(x):\n            return x + 1\n    def m(self, x):\n        return x * self.k\n';
    const long = `A.${'x'.repeat(196)}`;
    const outcomes = await sandbox.run(source, [call('A.m', 3), call('A.B.s', 3), call('A.k', 3), call(long, 1)], FAST);
    expect(outcomes).toEqual([
      { status: 'ok', stdout: '', valueJson: '6' },
      { status: 'ok', stdout: '', valueJson: '4' },
      { status: 'runtime_error', detail: 'no callable named A.k' },
      { status: 'runtime_error', detail: `no callable named ${long.slice(0, 80)}` },
    ]);
  });

  it('rejects an entry point that is not a Python identifier before starting a jail', async ({ expect }) => {
    await expect(sandbox.run('', [{ kind: 'call', fn: 'f\nstdio', argsJson: '[]' }], FAST)).rejects.toThrow(TypeError);
    await expect(sandbox.run('', [{ kind: 'call', fn: `A.${'x'.repeat(199)}`, argsJson: '[]' }], FAST)).rejects.toThrow(TypeError);
  });
});
