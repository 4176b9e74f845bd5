import { afterAll, describe, expect, it } from 'vitest';
import { createJavaScriptSandbox } from '../../../sandboxes/javascript/supervisor.ts';
import { normalizeCompletion } from '../../core/schemas/completion.ts';
import { HOSTILE_FIXTURES } from '../../../test-fixtures/hostile/index.ts';
import { ADD_TASK, js } from '../../../test-fixtures/hostile/fixture.ts';
import { verifyCode } from './verify.ts';

const sandbox = createJavaScriptSandbox({ processes: 2, killMarginMs: 2000 });
// Fixtures with a follow-up run on a one-process sandbox, so the follow-up meets whatever the attack left behind.
const single = createJavaScriptSandbox({ processes: 1 });
afterAll(async () => {
  await Promise.all([sandbox.close(), single.close()]);
});

describe.concurrent('hostile code fixtures', () => {
  for (const [name, fixture] of Object.entries(HOSTILE_FIXTURES)) {
    it(`${name}: scores 0 with one of ${fixture.allowed.join(', ')}`, async () => {
      const target = fixture.then === undefined ? sandbox : single;
      const verdict = await verifyCode(fixture.task, normalizeCompletion(fixture.completion), { sandbox: target });
      expect(fixture.allowed, JSON.stringify(verdict.details)).toContain(verdict.status);
      expect(verdict.score).toBe(0);
      if (fixture.then !== undefined) {
        const next = await verifyCode(fixture.task, normalizeCompletion(fixture.then.completion), { sandbox: target });
        expect(next.status, JSON.stringify(next.details)).toBe(fixture.then.status);
      }
    });
  }
});

describe('after every attack', () => {
  it('the sandbox still grades an honest completion correctly, on every runner', async () => {
    const honest = normalizeCompletion(js('function add(a, b) { return a + b; }'));
    const verdicts = await Promise.all([1, 2, 3, 4].map(() => verifyCode(ADD_TASK, honest, { sandbox })));
    for (const verdict of verdicts) expect(verdict).toMatchObject({ status: 'correct', score: 1 });
  });
});
