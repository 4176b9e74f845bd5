/**
 * Fuzzing the code verifier (issue 8) with the real sandboxes: random completions (text with and without
 * fenced blocks, answer tags, thousands of fence markers) and random programs spliced from snippets that
 * loop forever, print megabytes, throw, recurse, exhaust memory or return values JSON cannot hold. Every
 * completion must get a verdict with a status of the registry within its deadline, and verifyCode must
 * never reject. Counts stay modest (real processes); the math and request fuzzers carry the big counts.
 * Replay: README "Fuzzing".
 */
import fc from 'fast-check';
import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJavaScriptSandbox } from '../../../sandboxes/javascript/supervisor.ts';
import { createPythonCodeSandbox } from '../../../sandboxes/python/code-sandbox.ts';
import type { CodeSandbox } from '../../../sandboxes/javascript/protocol.ts';
import { normalizeCompletion } from '../../core/schemas/completion.ts';
import { Status } from '../../core/schemas/result.ts';
import type { CodeTask } from '../../core/schemas/task.ts';
import { checkProperty, FUZZ_SEED, recipe, runs, withinDeadline, type Recipe } from '../../../test-fixtures/fuzz/settings.ts';
import type { Verdict } from '../types.ts';
import { MAX_TEST_DETAILS, verifyCode } from './verify.ts';

const FILE = 'src/verifiers/code/fuzz.test.ts';
/** Finding the program (or that there is none) is linear host work: a verdict that ran nothing gets this long. */
const EXTRACT_DEADLINE_MS = 250;
/** Beyond (tests + 1) × time limit, for a program that ran: the runner's kill margin, a respawn, a busy machine. */
const SANDBOX_MARGIN_MS = 4_000;

const javascript = createJavaScriptSandbox({ processes: 2 });
const python = createPythonCodeSandbox({ concurrency: 2 });
const checked = { javascript: 0, typescript: 0, python: 0 };
const statuses = new Map<string, number>();

type Language = CodeTask['language'];
const sandboxOf = (language: Language): CodeSandbox => (language === 'python' ? python : javascript);

// ---- programs ---------------------------------------------------------------------------------------

const JS_STATEMENTS = [
  'let total = 0; for (let i = 0; i < 1000; i++) total += i;',
  'while (true) {}',
  'for (;;) { Math.random(); }',
  "const big = 'x'.repeat(1 << 24);",
  "console.log('y'.repeat(3_000_000));",
  'for (let i = 0; i < 200000; i++) console.log(i);',
  "process.stdout.write('z'.repeat(1 << 21));",
  "throw new Error('boom');",
  'throw 42;',
  'throw null;',
  'null.x;',
  'undefined();',
  'process.exit(1);',
  'process.exit(0);',
  'const a = []; while (true) a.push(new Array(1e5).fill(1));',
  'function f() { return f(); } f();',
  "JSON.parse('{');",
  "const input = require('fs').readFileSync(0, 'utf8'); console.log(input.split('\\n').reverse().join('\\n'));",
  "require('readline').createInterface({ input: process.stdin }).on('line', (l) => console.log(l));",
  'new Promise(() => {});',
  'setTimeout(() => { while (true) {} }, 0);',
  'setInterval(() => {}, 1);',
  "Promise.reject(new Error('unhandled'));",
  'console.log(1); console.error(2);',
  "eval('1 +');",
  'Object.prototype.toJSON = () => 1;',
  "JSON.stringify = () => 'x';",
  'globalThis.leak = (globalThis.leak ?? 0) + 1;',
  "console.log('\\u0000\\ud800');",
  "let s = 'ab'; for (let i = 0; i < 40; i++) s += s;",
  'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10000);',
];
const JS_RETURNS = [
  'x', 'args', '1', '0.1 + 0.2', 'NaN', 'Infinity', '-0', 'undefined', 'null', "'str'", '[1, 2, 3]', '{ a: 1 }', '10n ** 100n',
  "Symbol('s')", '() => 1', 'new Map([[1, 2]])', 'new Date(0)', '(() => { const o = {}; o.self = o; return o; })()',
  "{ toJSON() { throw new Error('no'); } }", "new Proxy({}, { get() { throw new Error('trap'); } })", 'Promise.resolve(1)',
  'new Promise(() => {})', 'Array.from({ length: 1e6 }, (_, i) => i)', "JSON.parse('['.repeat(5000) + ']'.repeat(5000))", "'x'.repeat(1 << 22)",
];
const PY_STATEMENTS = [
  'total = sum(range(1000))',
  'while True: pass',
  'import time\ntime.sleep(5)',
  "print('y' * 3_000_000)",
  'for i in range(200000): print(i)',
  "import sys\nsys.stdout.write('z' * (1 << 21))",
  "raise Exception('boom')",
  'raise SystemExit(0)',
  'raise SystemExit(3)',
  'import os\nos._exit(0)',
  '1 / 0',
  "a = []\nwhile True: a.append(' ' * 10**6)",
  'def f(): return f()\nf()',
  'import sys\nsys.setrecursionlimit(10**6)\ndef g(n): return g(n + 1)\ng(0)',
  'import sys\ndata = sys.stdin.read()\nprint(data[::-1])',
  'x = input()\nprint(x)',
  "import json\nprint(json.dumps({'a': float('nan')}))",
  "print('\\x00\\udcff', end='')",
  "import sys\nsys.stdout.buffer.write(b'\\xff\\xfe')",
  "s = 'ab'\nfor _ in range(40): s = s + s",
  "exec('1 +')",
  'import threading\nthreading.Thread(target=lambda: None).start()',
  'import sys\nsys.stdout.close()',
  'import gc\ngc.disable()',
];
const PY_RETURNS = [
  'x', 'args', '1', '0.1 + 0.2', "float('nan')", "float('inf')", '-0.0', 'None', "'str'", '[1, 2, 3]', "{'a': 1}", '{1, 2}', '10 ** 10000',
  'object()', 'lambda: 1', '(1, 2)', "b'bytes'", 'complex(1, 2)', 'list(range(10**6))', "'x' * (1 << 22)", "{1: 'int key'}", '[[[[[]]]]]',
];

const indent = (code: string, by: string) => code.split('\n').map((line) => `${by}${line}`).join('\n');

/** A program spliced from snippets: a call-style `solve` (statements, then a return) or a stdio script; sometimes cut short. */
function program(language: Language) {
  const py = language === 'python';
  const statements = fc.array(fc.constantFrom(...(py ? PY_STATEMENTS : JS_STATEMENTS)), { maxLength: 3 });
  const returned = fc.constantFrom(...(py ? PY_RETURNS : JS_RETURNS));
  const callStyle = fc.tuple(statements, statements, returned).map(([top, body, ret]) =>
    py
      ? `${top.join('\n')}\ndef solve(*args):\n    x = args[0] if args else None\n${indent(body.join('\n') || 'pass', '    ')}\n    return ${ret}\n`
      : `${top.join('\n')}\nfunction solve(...args) {\n  const x = args[0];\n${indent(body.join('\n'), '  ')}\n  return ${ret};\n}\n`,
  );
  const script = statements.map((lines) => `${lines.join('\n')}\n`);
  const garbage = fc.string({ unit: 'grapheme', maxLength: 200 });
  return fc
    .tuple(fc.oneof({ arbitrary: callStyle, weight: 3 }, { arbitrary: script, weight: 3 }, { arbitrary: garbage, weight: 1 }), fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: fc.nat(), weight: 1 }))
    .map(([source, cut]) => (cut === undefined ? source : source.slice(0, cut % (source.length + 1))));
}

const ALIASES: Readonly<Record<Language, readonly string[]>> = {
  javascript: ['js', 'javascript', 'node', 'jsx'],
  typescript: ['ts', 'typescript', 'tsx'],
  python: ['python', 'py', 'python3'],
};

const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('', '\n', 'Here is my solution:', '<think>\nhmm\n</think>\n'));

/** A completion around `source`: fenced with a right, wrong or no tag, in answer tags, after a decoy block, unclosed, or bare. */
function completion(language: Language, source: fc.Arbitrary<string>) {
  const tag = fc.constantFrom(...ALIASES[language], '', 'text', language === 'python' ? 'js' : 'python', 'JS', ' py ', 'python extra words');
  return fc
    .tuple(text, source, tag, text, fc.integer({ min: 0, max: 7 }))
    .map(([before, code, info, after, shape]) => {
      switch (shape) {
        case 0:
          return `${before}\n<answer>${code}</answer>${after}`;
        case 1:
          return `${before}\n\`\`\`${info}\n${code}`; // never closed: a truncated completion
        case 2:
          return `${before}\n\`\`\`${info}\nprint(1)\n\`\`\`\nthen\n\`\`\`${info}\n${code}\n\`\`\`\n${after}`;
        case 3:
          return `${before}${code}${after}`;
        default:
          return `${before}\n\`\`\`${info}\n${code}\n\`\`\`\n${after}`;
      }
    });
}

/** Many copies of a fence marker or tag (a long completion that stresses the extractor's scans), then maybe a real block. */
function repeatedMarkers(language: Language): fc.Arbitrary<Recipe> {
  return fc
    .tuple(
      fc.constantFrom('```x\n', '```\n', '```js\n', '```python\n', '<answer>', '</answer>', '`', '~~~\n', '```\n\n', ' ```\n', 'a```\n'),
      fc.oneof(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom(2_000, 5_000, 10_000, 20_000)),
      fc.option(program(language), { nil: undefined }),
    )
    .map(([marker, times, code]) => {
      const markers = `${JSON.stringify(marker)}.repeat(${times})`;
      if (code === undefined) return recipe(marker.repeat(times), markers);
      const block = `\n\`\`\`${ALIASES[language][0] ?? ''}\n${code}\n\`\`\`\n`;
      return recipe(marker.repeat(times) + block, `${markers} + ${JSON.stringify(block)}`);
    });
}

// ---- tasks ------------------------------------------------------------------------------------------

const shortString = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary-ascii', maxLength: 30 }), fc.constantFrom('', '1 2\n', '3\n', '\r\n', '\u0000'));
const stdioTest = fc.record({ input: shortString, output: shortString });
const callTest = fc.record(
  { call: fc.constant('solve'), args: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), expected: fc.jsonValue({ maxDepth: 2 }) },
  { requiredKeys: ['args', 'expected'] },
);

function task(language: Language): fc.Arbitrary<CodeTask> {
  return fc
    .record(
      {
        tests: fc.array(fc.oneof(stdioTest, callTest), { minLength: 1, maxLength: 3 }),
        entry_point: fc.constant('solve'),
        time_limit_ms: fc.integer({ min: 50, max: 250 }),
        memory_limit_mb: fc.constantFrom(16, 32, 64, 128),
        max_output_bytes: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 2_000_000 })),
        compare: fc.constantFrom('exact' as const, 'lines' as const, 'tokens' as const, 'float' as const),
        abs_tol: fc.double({ min: 0, max: 1, noNaN: true }),
        scoring: fc.constantFrom('fraction' as const, 'all' as const),
      },
      { requiredKeys: ['tests', 'time_limit_ms'] },
    )
    .map((options) => ({ type: 'code', language, ...options }));
}

// ---- checks -----------------------------------------------------------------------------------------

/** A verdict that ran no program: only extraction (or a task check) happened. */
const RAN_NOTHING = new Set<Verdict['status']>(['no_code', 'invalid_reference', 'unsupported_task']);

function deadlineOf(codeTask: CodeTask, verdict: Verdict): number {
  if (RAN_NOTHING.has(verdict.status)) return EXTRACT_DEADLINE_MS;
  return EXTRACT_DEADLINE_MS + (codeTask.tests.length + 1) * (codeTask.time_limit_ms ?? 2000) + SANDBOX_MARGIN_MS;
}

function expectWellFormed(verdict: Verdict): void {
  expect(Value.Check(Status, verdict.status), `status ${String(verdict.status)} is not in the registry`).toBe(true);
  if (verdict.status === 'invalid_reference' || verdict.status === 'unsupported_task') expect(verdict.score).toBeNull();
  else {
    expect(typeof verdict.score).toBe('number');
    expect(verdict.score).toBeGreaterThanOrEqual(0);
    expect(verdict.score).toBeLessThanOrEqual(1);
  }
  if (verdict.status === 'correct') expect(verdict.score).toBe(1);
  if (verdict.status === 'no_code' || verdict.status === 'compile_error') expect(verdict.score).toBe(0);
  const tests = verdict.details['tests'];
  if (tests !== undefined) expect((tests as unknown[]).length).toBeLessThanOrEqual(MAX_TEST_DETAILS);
  expect(() => JSON.stringify(verdict.details)).not.toThrow();
}

/** Grades one completion with the real sandbox, timed against its deadline; a rejection fails the property. */
async function check(codeTask: CodeTask, completion: string | Recipe): Promise<void> {
  const completionText = typeof completion === 'string' ? completion : completion.text;
  const sandbox = sandboxOf(codeTask.language);
  const { result, ms } = await withinDeadline(
    () => verifyCode(structuredClone(codeTask), normalizeCompletion(completionText), { sandbox }),
    (verdict) => deadlineOf(codeTask, verdict),
  );
  checked[codeTask.language] += 1;
  statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
  expectWellFormed(result);
  const deadline = deadlineOf(codeTask, result);
  expect(ms, `${result.status} after ${ms.toFixed(0)} ms (deadline ${deadline} ms)`).toBeLessThan(deadline);
}

beforeAll(async () => {
  // Start the runner processes and a jail before any clock runs: start-up is not the completion's time.
  const warm: CodeTask = { type: 'code', language: 'javascript', tests: [{ input: '', output: '1\n' }] };
  await Promise.all([
    verifyCode(warm, normalizeCompletion('```js\nconsole.log(1)\n```'), { sandbox: javascript }),
    verifyCode(warm, normalizeCompletion('```js\nconsole.log(1)\n```'), { sandbox: javascript }),
    verifyCode({ ...warm, language: 'python' }, normalizeCompletion('```py\nprint(1)\n```'), { sandbox: python }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([javascript.close(), python.close()]);
  console.log(`code fuzz: ${checked.javascript} JavaScript, ${checked.typescript} TypeScript, ${checked.python} Python completions (${[...statuses].map(([status, n]) => `${status} ${n}`).join(', ')}), seed ${FUZZ_SEED}`);
});

/** Two completions at a time: the sandboxes have two runner processes (two jails), so neither waits for the other. */
function pairs<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  return fc.array(arbitrary, { minLength: 2, maxLength: 2 });
}

const checkAll = async (cases: ReadonlyArray<readonly [CodeTask, string | Recipe]>): Promise<void> => {
  await Promise.all(cases.map(([codeTask, text]) => check(codeTask, text)));
};

/** Pairs per property and language: 2 × (programs + completions) completions, plus 2 × 60 in the marker test. */
const LANGUAGE_RUNS: ReadonlyArray<{ language: Language; programs: number; completions: number }> = [
  { language: 'javascript', programs: 100, completions: 50 },
  { language: 'typescript', programs: 20, completions: 10 },
  { language: 'python', programs: 75, completions: 40 },
];

describe(`code verifier fuzz (seed ${FUZZ_SEED})`, () => {
  for (const { language, programs, completions } of LANGUAGE_RUNS) {
    it(`${language}: gives random programs (loops, huge output, throws, bad returns) a registry verdict within (tests + 1) × time limit + 4.25 s`, async () => {
      const property = fc.asyncProperty(pairs(fc.tuple(task(language), completion(language, program(language)))), checkAll);
      await checkProperty(property, runs(programs), FILE);
    }, 120_000);

    it(`${language}: gives random text with and without fenced blocks a registry verdict within its deadline`, async () => {
      const property = fc.asyncProperty(pairs(fc.tuple(task(language), completion(language, fc.string({ unit: 'grapheme', maxLength: 300 })))), checkAll);
      await checkProperty(property, runs(completions), FILE);
    }, 120_000);
  }

  it('finds the program among thousands of fence markers and tags in linear time (no program found: 250 ms)', async () => {
    const languages = fc.constantFrom<Language>('javascript', 'typescript', 'python');
    const property = fc.asyncProperty(pairs(languages.chain((language) => fc.tuple(task(language), repeatedMarkers(language)))), checkAll);
    // A quadratic scan takes seconds per case: stop (and report) after 30 s rather than shrink for minutes.
    await checkProperty(property, runs(60), FILE, 30_000);
  }, 120_000);
});
