import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * Twin of code/sum-of-big-integers-stdio: Python's int is already arbitrary-precision; the wrong one parses the
 * tokens as floats, so the sum is a double and loses digits (int() of it prints the rounded value).
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { input: '2 3\n', output: '5\n' },
      { input: '123456789012345678901234567890 987654321098765432109876543210\n', output: '1111111110111111111011111111100\n' },
      { input: '-99999999999999999999 1\n', output: '-99999999999999999998\n' },
    ],
  },
  correct: fenced('python', String.raw`
import sys

a, b = map(int, sys.stdin.read().split())
print(a + b)`),
  wrong: fenced('python', String.raw`
import sys

a, b = map(float, sys.stdin.read().split())
print(int(a + b))`),
  wrongStatus: 'incorrect',
};
