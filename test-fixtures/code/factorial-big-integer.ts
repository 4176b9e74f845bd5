import { fenced, type HonestFixture } from './fixture.ts';

/** Big integers as decimal strings: the wrong one computes with doubles and loses digits past 2^53. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    entry_point: 'factorial',
    tests: [
      { args: [5], expected: '120' },
      { args: [20], expected: '2432902008176640000' },
      { args: [25], expected: '15511210043330985984000000' },
    ],
  },
  correct: fenced('js', String.raw`
function factorial(n) {
  let f = 1n;
  for (let i = 2n; i <= BigInt(n); i++) f *= i;
  return f.toString();
}`),
  wrong: fenced('js', String.raw`
function factorial(n) {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return BigInt(f).toString();
}`),
  wrongStatus: 'incorrect',
};
