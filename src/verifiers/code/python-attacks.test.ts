/**
 * Attacks on the Python runtime judged end to end: a real jail runs the program, the host compares
 * with expected values the jail never saw. Every attack must score 0.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createPythonCodeSandbox } from '../../../sandboxes/python/code-sandbox.ts';
import { normalizeCompletion } from '../../core/schemas/completion.ts';
import type { CodeTask } from '../../core/schemas/task.ts';
import { verifyCode } from './verify.ts';

const sandbox = createPythonCodeSandbox({ concurrency: 2 });
afterAll(() => sandbox.close());

const fixture = (name: string): string => readFileSync(new URL(`../../../test-fixtures/hostile-python/${name}.py`, import.meta.url), 'utf8');
const answer = (program: string) => normalizeCompletion(`<think>ok</think>\n\`\`\`python\n${program}\n\`\`\``);

const solveTask: CodeTask = { type: 'code', language: 'python', entry_point: 'solve', tests: [{ args: [1], expected: 1 }, { args: [5], expected: 5 }] };

describe.concurrent('python attacks score 0', () => {
  it('an always-equal unittest.mock.ANY result is an error, not a pass', async () => {
    const verdict = await verifyCode(solveTask, answer(fixture('returns-mock-any')), { sandbox });
    expect(verdict).toMatchObject({ score: 0, status: 'runtime_error' });
  });

  it('a trace function watching the harness cannot turn a wrong answer into a pass', async () => {
    const verdict = await verifyCode(solveTask, answer(fixture('settrace-rewrites-the-harness-report')), { sandbox });
    expect(verdict).toMatchObject({ score: 0, status: 'incorrect' });
  });

  it('the expected output is nowhere in the jail: not in gc objects, not in any frame', async () => {
    const task: CodeTask = { type: 'code', language: 'python', tests: [{ input: '', output: 'SENTINEL-734215' }, { input: 'x', output: 'SENTINEL-99' }] };
    const verdict = await verifyCode(task, answer(fixture('steals-expected-through-gc-and-frames')), { sandbox });
    expect(verdict).toMatchObject({ score: 0, status: 'incorrect' });
  });

  it('look-alike Unicode digits do not match ASCII digits, under every comparison mode', async () => {
    for (const compare of ['exact', 'lines', 'tokens', 'float'] as const) {
      const task: CodeTask = { type: 'code', language: 'python', compare, tests: [{ input: '40 2\n', output: '42\n' }] };
      const verdict = await verifyCode(task, answer(fixture('prints-confusable-digits')), { sandbox });
      expect(verdict, compare).toMatchObject({ score: 0, status: 'incorrect' });
    }
  });
});
