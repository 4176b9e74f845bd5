import { fenced, type HonestFixture } from '../code/fixture.ts';

/** Twin of code/hypotenuse-float-return: float compare of return values; the wrong one truncates to 2 places. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    compare: 'float',
    tests: [
      { call: 'hypot', args: [3, 4], expected: 5 },
      { call: 'hypot', args: [1, 1], expected: 1.4142135623730951 },
      { call: 'hypot', args: [1, 2], expected: 2.23606797749979 },
    ],
  },
  correct: fenced('python', String.raw`
import math


def hypot(a: float, b: float) -> float:
    return math.sqrt(a * a + b * b)`),
  wrong: fenced('python', String.raw`
import math


def hypot(a: float, b: float) -> float:
    return math.floor(math.sqrt(a * a + b * b) * 100) / 100`),
  wrongStatus: 'incorrect',
};
