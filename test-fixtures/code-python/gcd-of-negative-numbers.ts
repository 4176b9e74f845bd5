import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * Twin of code/gcd-of-negative-numbers: the greatest common divisor is never negative; the wrong one keeps the
 * sign Python's % leaves (the divisor's), so gcd(0, -7) comes out as -7.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { call: 'gcd', args: [12, 18], expected: 6 },
      { call: 'gcd', args: [-12, 18], expected: 6 },
      { call: 'gcd', args: [0, -7], expected: 7 },
    ],
  },
  correct: fenced('python', String.raw`
def gcd(a: int, b: int) -> int:
    a, b = abs(a), abs(b)
    while b:
        a, b = b, a % b
    return a`),
  wrong: fenced('python', String.raw`
def gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a`),
  wrongStatus: 'incorrect',
};
