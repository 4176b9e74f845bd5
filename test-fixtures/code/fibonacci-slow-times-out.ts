import { fenced, type HonestFixture } from './fixture.ts';

/** Correct but slow: the naive exponential recursion gives right answers for small n and times out on n = 45. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    time_limit_ms: 300,
    tests: [
      { call: 'fib', args: [10], expected: 55 },
      { call: 'fib', args: [45], expected: 1134903170 },
    ],
  },
  correct: fenced('js', String.raw`
function fib(n) {
  let a = 0, b = 1;
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}`),
  wrong: fenced('js', 'function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }'),
  wrongStatus: 'timeout',
};
