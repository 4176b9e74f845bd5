import { fenced, type HonestFixture } from '../code/fixture.ts';

/** Twin of code/fibonacci-slow-times-out: the naive recursion is right for small n and times out on n = 45. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    time_limit_ms: 300,
    tests: [
      { call: 'fib', args: [10], expected: 55 },
      { call: 'fib', args: [45], expected: 1134903170 },
    ],
  },
  correct: fenced('python', String.raw`
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a`),
  wrong: fenced('python', String.raw`
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)`),
  wrongStatus: 'timeout',
};
