import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * Twin of code/mean-within-float-tolerance, reading with open(0): the correct one prints full precision
 * (differs in the last digits); the wrong one rounds to 2 places.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    compare: 'float',
    abs_tol: 1e-6,
    tests: [
      { input: '3\n1 2 2\n', output: '1.666666667\n' },
      { input: '2\n1 0\n', output: '0.5\n' },
      { input: '4\n0.1 0.2 0.3 0.4\n', output: '0.25\n' },
    ],
  },
  correct: fenced('python', String.raw`
n, *xs = open(0).read().split()
print(sum(map(float, xs)) / int(n))`),
  wrong: fenced('python', String.raw`
n, *xs = open(0).read().split()
print(f"{sum(map(float, xs)) / int(n):.2f}")`),
  wrongStatus: 'incorrect',
};
