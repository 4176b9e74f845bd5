import { afterAll, describe, expect, it } from 'vitest';
import { createJavaScriptSandbox } from './supervisor.ts';
import { PRELUDE_PARTS } from './prelude.ts';
import type { SandboxRequest, SandboxTest } from './protocol.ts';

// One runner, so that a runner killed or replaced by anything below shows in processesReplaced.
const sandbox = createJavaScriptSandbox({ processes: 1, killMarginMs: 500 });
afterAll(() => sandbox.close());

const ADD_TESTS: SandboxTest[] = [
  { kind: 'call', call: 'add', args: [1, 2] },
  { kind: 'call', call: 'add', args: [10, -4] },
];

const run = (source: string, tests: readonly SandboxTest[] = ADD_TESTS, overrides: Partial<SandboxRequest> = {}) =>
  sandbox.run({ language: 'javascript', source, tests, timeLimitMs: 1000, memoryLimitMb: 32, maxOutputBytes: 1024, ...overrides });

const outputs = async (source: string, tests?: readonly SandboxTest[]) => {
  const result = await run(source, tests);
  return result.kind === 'ran' ? result.tests.map((t) => (t.status === 'ok' ? t.output : `${t.status}: ${t.error ?? ''}`)) : result;
};

// Top-level declarations of a part, and the names a part mentions outside strings and comments.
const declared = (source: string) => [...source.matchAll(/^(?:function|const|let)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1] as string);
const mentions = (source: string, name: string) =>
  new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(source.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\/\/[^\n]*/g, ''));

describe('the prelude parts', () => {
  it('declare every name once and mention only names declared by the parts before them', () => {
    const owner = new Map<string, string>();
    for (const [part, source] of PRELUDE_PARTS) {
      for (const name of declared(source)) {
        expect(owner.get(name), `${name} declared again in ${part}`).toBeUndefined();
        owner.set(name, part);
      }
    }
    PRELUDE_PARTS.forEach(([part, source], index) => {
      const later = PRELUDE_PARTS.slice(index + 1).flatMap(([laterPart, laterSource]) => declared(laterSource).map((name) => `${name} (${laterPart})`));
      expect(later.filter((entry) => mentions(source, entry.split(' ')[0] as string)), `${part} mentions`).toEqual([]);
    });
  });
});

describe('the prelude', () => {
  it('runs a call-style program as a CommonJS module, as Node runs a file', async () => {
    expect(await outputs('const add = (a, b) => a + b;')).toEqual(['3', '6']);
    expect(await outputs('class Ops { static add(a, b) { return a + b; } }', [{ kind: 'call', call: 'Ops.add', args: [2, 2] }])).toEqual(['4']);
    expect(await outputs('module.exports.add = (a, b) => a * b;')).toEqual(['2', '-40']);
    expect(await outputs('var seen = this === module.exports && typeof globalThis.add === "undefined";\nfunction add() { return seen; }')).toEqual(['true', 'true']);
    expect(await outputs('#!/usr/bin/env node\nfunction add(a, b) { return a - b; }')).toEqual(['-1', '14']);
    // A name no binding can have (a reserved word) is looked up on module.exports only, and never breaks the program.
    expect(await outputs('module.exports.default = (a) => a * 2;\nfunction add() {}', [{ kind: 'call', call: 'default', args: [21] }])).toEqual(['42']);
  });

  it('keeps the state of one completion between its tests and never between completions', async () => {
    expect(await outputs('let calls = 0;\nfunction add(a, b) { globalThis.leak = 1; return ++calls; }')).toEqual(['1', '2']);
    expect(await outputs('function add() { return typeof leak; }')).toEqual(['"undefined"', '"undefined"']);
  });

  it('reports a syntax error as compile_error, and a program cannot close its module function early', async () => {
    expect(await run('function add(a, b) { return a + ; }')).toEqual({ kind: 'compile_error', error: "SyntaxError: Unexpected token ';'" });
    const breakOut = await run('});\nglobalThis.escaped = true;\n(function () {', [{ kind: 'stdio', input: '' }]);
    expect(breakOut.kind).toBe('compile_error');
  });

  it('contains what a thrown value runs while it is reported, inside the deadline and without losing the runner', async () => {
    const replaced = sandbox.processesReplaced;
    expect(await outputs("Error.prepareStackTrace = () => { for (;;) {} };\nthrow new Error('bye');")).toEqual(['runtime_error: Error: bye', 'runtime_error: Error: bye']);
    expect(await outputs("const e = new Error('x');\nObject.defineProperty(e, 'message', { get() { for (;;) {} } });\nthrow e;")).toEqual([
      'timeout: time limit exceeded',
      'timeout: time limit exceeded',
    ]);
    expect(await outputs("Object.defineProperty(process, 'exitCode', { set() { throw new Error('no reset'); } });\nfunction add(a, b) { return a + b; }")).toEqual([
      'runtime_error: Error: no reset',
      'runtime_error: Error: no reset',
    ]);
    expect(await outputs("Error.prepareStackTrace = () => { for (;;) {} };\nlet x = 0;\nfunction add(a, b) { console.log('x'.repeat(2000)); }")).toEqual([
      'runtime_error: Error: output limit exceeded',
      'runtime_error: Error: output limit exceeded',
    ]);
    expect(sandbox.processesReplaced).toBe(replaced);
  });

  it('leaves no callback for the host to run later: Atomics.waitAsync is not there, and the runner stays', async () => {
    const replaced = sandbox.processesReplaced;
    const source = 'function add(a, b) { Atomics.waitAsync(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10).value.then(() => { for (;;) {} }); return a + b; }';
    expect(await outputs(source)).toEqual(['runtime_error: TypeError: Atomics.waitAsync is not a function', 'runtime_error: TypeError: Atomics.waitAsync is not a function']);
    expect(await outputs('function add(a, b) { return a + b; }')).toEqual(['3', '6']);
    expect(sandbox.processesReplaced).toBe(replaced);
  });

  it('keeps reading stdin and writing stdout when the program puts get and set on Object.prototype', async () => {
    const source =
      "for (const k of ['get', 'set']) Object.defineProperty(Object.prototype, k, { __proto__: null, value: undefined, writable: true, configurable: true });\n" +
      "require('readline').createInterface({ input: process.stdin }).on('line', (line) => console.log(line.split(' ').map(Number).reduce((a, b) => a + b)));";
    expect(await outputs(source, [{ kind: 'stdio', input: '1 2\n3 4\n' }])).toEqual(['3\n7\n']);
  });

  it('reports an error and output that contain the envelope separator verbatim', async () => {
    const result = await run("console.log('a:1:b');\nthrow new Error('12:34');", [{ kind: 'stdio', input: '' }]);
    expect(result).toEqual({ kind: 'ran', tests: [{ status: 'runtime_error', output: 'a:1:b\n', error: 'Error: 12:34' }] });
  });
});
