import { fenced, type HonestFixture } from '../code/fixture.ts';

/** Twin of code/nonzero-exit-after-right-output: sys.exit(0) after printing is a normal end; sys.exit(1) fails even with the right output. */
export const fixture: HonestFixture = {
  task: { type: 'code', language: 'python', tests: [{ input: '2 3\n', output: '5\n' }] },
  correct: fenced('python', String.raw`
import sys

a, b = map(int, input().split())
print(a + b)
sys.exit(0)`),
  wrong: fenced('python', String.raw`
import sys

a, b = map(int, input().split())
print(a + b)
sys.exit(1)`),
  wrongStatus: 'runtime_error',
};
