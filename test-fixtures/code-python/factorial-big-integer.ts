import { fenced, type HonestFixture } from '../code/fixture.ts';

/** Twin of code/factorial-big-integer: Python ints are exact; the wrong one multiplies floats and loses digits past 2^53. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    entry_point: 'factorial',
    tests: [
      { args: [5], expected: '120' },
      { args: [20], expected: '2432902008176640000' },
      { args: [25], expected: '15511210043330985984000000' },
    ],
  },
  correct: fenced('python', String.raw`
import math


def factorial(n: int) -> str:
    return str(math.factorial(n))`),
  wrong: fenced('python', String.raw`
def factorial(n: int) -> str:
    f = 1.0
    for i in range(2, n + 1):
        f *= i
    return str(int(f))`),
  wrongStatus: 'incorrect',
};
