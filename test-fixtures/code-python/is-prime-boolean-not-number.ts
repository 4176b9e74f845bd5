import { fenced, type HonestFixture } from '../code/fixture.ts';

/** Twin of code/is-prime-boolean-not-number: type-strict; returning 1/0 where True/False is expected fails. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { call: 'is_prime', args: [2], expected: true },
      { call: 'is_prime', args: [9], expected: false },
      { call: 'is_prime', args: [97], expected: true },
    ],
  },
  correct: fenced('python', String.raw`
def is_prime(n: int) -> bool:
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True`),
  wrong: fenced('python', String.raw`
def is_prime(n):
    if n < 2:
        return 0
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            return 0
    return 1`),
  wrongStatus: 'incorrect',
};
