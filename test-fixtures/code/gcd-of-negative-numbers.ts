import { fenced, type HonestFixture } from './fixture.ts';

/** The greatest common divisor is never negative; the wrong one keeps the sign JavaScript's % leaves. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    tests: [
      { call: 'gcd', args: [12, 18], expected: 6 },
      { call: 'gcd', args: [-12, 18], expected: 6 },
      { call: 'gcd', args: [0, -7], expected: 7 },
    ],
  },
  correct: fenced('js', String.raw`
function gcd(a, b) {
  a = Math.abs(a); b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}`),
  wrong: fenced('js', String.raw`
function gcd(a, b) {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}`),
  wrongStatus: 'incorrect',
};
