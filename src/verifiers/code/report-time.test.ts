/**
 * `report_time`: per-test wall times in verdict details, only when the task asks for them, in both runtimes
 * (JavaScript: measured by the runner process; Python: by the jail's harness).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createJavaScriptSandbox } from '../../../sandboxes/javascript/supervisor.ts';
import { createPythonCodeSandbox } from '../../../sandboxes/python/code-sandbox.ts';
import { normalizeCompletion } from '../../core/schemas/completion.ts';
import type { CodeTask } from '../../core/schemas/task.ts';
import { verifyCode } from './verify.ts';

const javascript = createJavaScriptSandbox();
const python = createPythonCodeSandbox({ concurrency: 1 });
afterAll(() => Promise.all([javascript.close(), python.close()]));

const SLOW_MS = 200;

// Each program busy-waits for the number of milliseconds it is given, then answers with that number.
const PROGRAMS = {
  javascript: {
    call: 'function spin(ms) { const t = Date.now(); while (Date.now() - t < ms) {} return ms; }',
    stdio: 'const ms = Number(require("fs").readFileSync(0, "utf8")); const t = Date.now(); while (Date.now() - t < ms) {} console.log(ms);',
  },
  python: {
    call: 'import time\ndef spin(ms):\n    t = time.monotonic()\n    while time.monotonic() - t < ms / 1000:\n        pass\n    return ms\n',
    stdio: 'import time\nms = int(input())\nt = time.monotonic()\nwhile time.monotonic() - t < ms / 1000:\n    pass\nprint(ms)\n',
  },
} as const;

type Language = keyof typeof PROGRAMS;
type Style = 'call' | 'stdio';

function task(language: Language, style: Style, extra: Partial<CodeTask> = {}): CodeTask {
  const tests = [0, SLOW_MS, 0].map((ms) => (style === 'call' ? { call: 'spin', args: [ms], expected: ms } : { input: `${ms}\n`, output: `${ms}` }));
  return { type: 'code', language, tests, time_limit_ms: 2000, ...extra };
}

const sandboxOf = (language: Language) => (language === 'javascript' ? javascript : python);
const completion = (language: Language, style: Style) => normalizeCompletion(`\`\`\`${language}\n${PROGRAMS[language][style]}\n\`\`\``);
const testsOf = (details: Record<string, unknown>) => details['tests'] as Record<string, unknown>[];

describe('report_time', () => {
  for (const language of ['javascript', 'python'] as const) {
    for (const style of ['call', 'stdio'] as const) {
      it(`gives every ${language} ${style} test an integer time_ms, more for the slow test than the fast ones`, async () => {
        const verdict = await verifyCode(task(language, style, { report_time: true }), completion(language, style), { sandbox: sandboxOf(language) });
        expect(verdict).toMatchObject({ status: 'correct', score: 1 });
        const times = testsOf(verdict.details).map((t) => t['time_ms']);
        expect(times).toHaveLength(3);
        for (const time of times) expect(Number.isInteger(time) && (time as number) >= 0, JSON.stringify(times)).toBe(true);
        const [fast, slow, fastAgain] = times as number[];
        expect(slow, JSON.stringify(times)).toBeGreaterThanOrEqual(SLOW_MS - 5);
        expect(slow, JSON.stringify(times)).toBeGreaterThan(Math.max(fast ?? 0, fastAgain ?? 0));
      });

      it(`leaves time out of ${language} ${style} verdicts without it, so they are byte-identical`, async () => {
        const run = () => verifyCode(task(language, style), completion(language, style), { sandbox: sandboxOf(language) });
        const first = await run();
        const second = await run();
        expect(testsOf(first.details)).toEqual([{ status: 'passed' }, { status: 'passed' }, { status: 'passed' }]);
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      });
    }

    it(`times a ${language} test that times out, and gives the tests after it a time too`, async () => {
      const timing = task(language, 'call', { report_time: true, time_limit_ms: 100 });
      const verdict = await verifyCode(timing, completion(language, 'call'), { sandbox: sandboxOf(language) });
      expect(verdict.status).toBe('timeout');
      const tests = testsOf(verdict.details);
      expect(tests.map((t) => t['status'])).toEqual(['passed', 'timeout', language === 'javascript' ? 'timeout' : 'passed']);
      for (const test of tests) expect(Number.isInteger(test['time_ms']) && (test['time_ms'] as number) >= 0, JSON.stringify(tests)).toBe(true);
      expect(tests[1]?.['time_ms']).toBeGreaterThanOrEqual(90);
    });
  }

  it('puts time_ms last in a detail, after the fields a detail has without it', async () => {
    const wrong = normalizeCompletion('```js\nfunction spin(ms) { return ms + 1; }\n```');
    const verdict = await verifyCode(task('javascript', 'call', { report_time: true }), wrong, { sandbox: javascript });
    expect(Object.keys(testsOf(verdict.details)[0] ?? {})).toEqual(['status', 'output', 'difference', 'time_ms']);
  });
});
