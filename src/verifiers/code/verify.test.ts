import { afterAll, describe, expect, it } from 'vitest';
import { createJavaScriptSandbox } from '../../../sandboxes/javascript/supervisor.ts';
import { normalizeCompletion } from '../../core/schemas/completion.ts';
import type { CodeTask } from '../../core/schemas/task.ts';
import { verifyCode } from './verify.ts';

const sandbox = createJavaScriptSandbox();
afterAll(() => sandbox.close());

const add: CodeTask = {
  type: 'code',
  language: 'javascript',
  entry_point: 'add',
  tests: [
    { args: [1, 2], expected: 3 },
    { args: [2, 2], expected: 4 },
    { args: [0, 5], expected: 5 },
    { args: [-1, 1], expected: 0 },
  ],
};
const answer = (program: string) => normalizeCompletion(`<think>ok</think>\n\`\`\`js\n${program}\n\`\`\``);

describe('verifyCode', () => {
  it('scores a completion without a program as no_code', async () => {
    expect(await verifyCode(add, normalizeCompletion('I think the answer is 3.'), { sandbox })).toEqual({
      status: 'no_code',
      score: 0,
      answer: null,
      details: { reason: 'no fenced code block or <answer> body' },
    });
  });

  it('scores a syntax error as compile_error', async () => {
    const verdict = await verifyCode(add, answer('function add(a, b) { return a + }'), { sandbox });
    expect(verdict).toMatchObject({ status: 'compile_error', score: 0, details: { extraction: 'fenced_language' } });
    expect(verdict.details['error']).toMatch(/SyntaxError/);
  });

  it('gives partial credit as the fraction of tests passed, with the first failure as status and its difference', async () => {
    const verdict = await verifyCode(add, answer('function add(a, b) { return a > 0 ? a + b : 0; }'), { sandbox });
    expect(verdict).toMatchObject({ status: 'incorrect', score: 0.75, details: { passed: 3, total: 4 } });
    expect(verdict.details['tests']).toEqual([
      { status: 'passed' },
      { status: 'passed' },
      { status: 'incorrect', output: '0', difference: { at: '$', expected: '5', actual: '0' } },
      { status: 'passed' },
    ]);
  });

  it('gives all-or-nothing credit with scoring: all', async () => {
    const verdict = await verifyCode({ ...add, scoring: 'all' }, answer('function add(a, b) { return a > 0 ? a + b : 0; }'), { sandbox });
    expect(verdict).toMatchObject({ status: 'incorrect', score: 0 });
  });

  it('is deterministic: the same completion gets the same verdict', async () => {
    const completion = answer('function add(a, b) { return a * b === 4 ? 4 : a + b; }');
    const [first, second] = await Promise.all([verifyCode(add, completion, { sandbox }), verifyCode(add, completion, { sandbox })]);
    expect(second).toEqual(first);
  });

  it('says invalid_reference when a call test names no function and the task has no entry_point', async () => {
    const task: CodeTask = { type: 'code', language: 'javascript', tests: [{ args: [], expected: 1 }] };
    expect(await verifyCode(task, answer('function f() { return 1 }'), { sandbox })).toMatchObject({ status: 'invalid_reference', score: null });
  });

  it('says unsupported_task for a language the sandbox does not run', async () => {
    const task: CodeTask = { type: 'code', language: 'python', tests: [{ input: '', output: '1' }] };
    expect(await verifyCode(task, normalizeCompletion('```py\nprint(1)\n```'), { sandbox })).toMatchObject({ status: 'unsupported_task', score: null });
  });

  it('finds entry points defined with module.exports', async () => {
    const verdict = await verifyCode(add, answer('module.exports = { add: (a, b) => a + b };'), { sandbox });
    expect(verdict).toMatchObject({ status: 'correct', score: 1 });
  });
});
