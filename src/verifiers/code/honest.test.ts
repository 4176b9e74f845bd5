import { afterAll, describe, expect, it } from 'vitest';
import { createJavaScriptSandbox } from '../../../sandboxes/javascript/supervisor.ts';
import { normalizeCompletion } from '../../core/schemas/completion.ts';
import { HONEST_FIXTURES } from '../../../test-fixtures/code/index.ts';
import { verifyCode } from './verify.ts';

const sandbox = createJavaScriptSandbox({ processes: 2 });
afterAll(() => sandbox.close());

describe.concurrent('honest code fixtures', () => {
  for (const [name, fixture] of Object.entries(HONEST_FIXTURES)) {
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
