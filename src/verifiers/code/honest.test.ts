/**
 * Honest problems graded end to end in each runtime: a real sandbox runs each completion, the host compares.
 * Every correct solution must score 1; every subtly wrong one must get its status and less than 1.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createJavaScriptSandbox } from '../../../sandboxes/javascript/supervisor.ts';
import type { CodeSandbox } from '../../../sandboxes/javascript/protocol.ts';
import { createPythonCodeSandbox } from '../../../sandboxes/python/code-sandbox.ts';
import { normalizeCompletion } from '../../core/schemas/completion.ts';
import { HONEST_FIXTURES } from '../../../test-fixtures/code/index.ts';
import { HONEST_PYTHON_FIXTURES } from '../../../test-fixtures/code-python/index.ts';
import type { HonestFixture } from '../../../test-fixtures/code/fixture.ts';
import { verifyCode } from './verify.ts';

const javascript = createJavaScriptSandbox({ processes: 2 });
const python = createPythonCodeSandbox({ concurrency: 2 });
afterAll(() => Promise.all([javascript.close(), python.close()]));

const runtimes: Array<[string, CodeSandbox, Readonly<Record<string, HonestFixture>>]> = [
  ['javascript/typescript', javascript, HONEST_FIXTURES],
  ['python', python, HONEST_PYTHON_FIXTURES],
];

describe.each(runtimes)('honest %s code fixtures', (_runtime, sandbox, fixtures) => {
  describe.concurrent('each fixture', () => {
    for (const [name, fixture] of Object.entries(fixtures)) {
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
});
