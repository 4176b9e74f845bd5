/**
 * Honest Python problems graded end to end: a real jail runs each completion, the host compares. Every
 * correct solution must score 1; every subtly wrong one must get its status and less than 1.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createPythonCodeSandbox } from '../../../sandboxes/python/code-sandbox.ts';
import { normalizeCompletion } from '../../core/schemas/completion.ts';
import { HONEST_PYTHON_FIXTURES } from '../../../test-fixtures/code-python/index.ts';
import { verifyCode } from './verify.ts';

const sandbox = createPythonCodeSandbox({ concurrency: 2 });
afterAll(() => sandbox.close());

describe.concurrent('honest python code fixtures', () => {
  for (const [name, fixture] of Object.entries(HONEST_PYTHON_FIXTURES)) {
    it(`${name}: passes the correct solution`, async () => {
      const verdict = await verifyCode(fixture.task, normalizeCompletion(fixture.correct), { sandbox });
      expect(verdict.details['tests'], JSON.stringify(verdict.details)).toSatisfy((tests: { status: string }[]) => tests.every((t) => t.status === 'passed'));
      expect(verdict).toMatchObject({ status: 'correct', score: 1 });
    });

    it(`${name}: fails the subtly wrong solution`, async () => {
      const verdict = await verifyCode(fixture.task, normalizeCompletion(fixture.wrong), { sandbox });
      expect(verdict.status, JSON.stringify(verdict.details)).toBe(fixture.wrongStatus);
      expect(verdict.score).toBeLessThan(1);
    });
  }
});
