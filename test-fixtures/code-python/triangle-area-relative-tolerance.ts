import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * Twin of code/triangle-area-relative-tolerance: float tokens within rel_tol (large areas); the wrong one halves the
 * perimeter with // and so floors the semi-perimeter.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    compare: 'float',
    abs_tol: 0,
    rel_tol: 1e-9,
    tests: [
      { input: '3 4 5\n', output: '6\n' },
      { input: '1000000 1000000 1000000\n', output: '433012701892.2193\n' },
      { input: '2 3 4\n', output: '2.9047375096555625\n' },
    ],
  },
  correct: fenced('python', String.raw`
import math

a, b, c = map(float, input().split())
s = (a + b + c) / 2
print(math.sqrt(s * (s - a) * (s - b) * (s - c)))`),
  wrong: fenced('python', String.raw`
import math

a, b, c = map(float, input().split())
s = (a + b + c) // 2
print(math.sqrt(s * (s - a) * (s - b) * (s - c)))`),
  wrongStatus: 'incorrect',
};
