import { fenced, type HonestFixture } from './fixture.ts';

/** Type-strict: returning 1/0 where true/false is expected fails. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    tests: [
      { call: 'isPrime', args: [2], expected: true },
      { call: 'isPrime', args: [9], expected: false },
      { call: 'isPrime', args: [97], expected: true },
    ],
  },
  correct: fenced('js', String.raw`
function isPrime(n) {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}`),
  wrong: fenced('js', String.raw`
function isPrime(n) {
  if (n < 2) return 0;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return 0;
  return 1;
}`),
  wrongStatus: 'incorrect',
};
