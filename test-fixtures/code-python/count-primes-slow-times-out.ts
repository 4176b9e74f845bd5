import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * Correct but slow, through stdio: trial division counts primes below n right for small n and times out
 * for n = 2,000,000, where a bytearray sieve takes milliseconds.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    time_limit_ms: 1000,
    tests: [
      { input: '10\n', output: '4\n' },
      { input: '100\n', output: '25\n' },
      { input: '2000000\n', output: '148933\n' },
    ],
  },
  correct: fenced('python', String.raw`
n = int(input())
sieve = bytearray([1]) * max(n, 2)
sieve[0] = sieve[1] = 0
for i in range(2, int(n ** 0.5) + 1):
    if sieve[i]:
        sieve[i * i::i] = bytes(len(range(i * i, n, i)))
print(sum(sieve[:n]))`),
  wrong: fenced('python', String.raw`
def is_prime(k):
    if k < 2:
        return False
    d = 2
    while d * d <= k:
        if k % d == 0:
            return False
        d += 1
    return True


n = int(input())
print(sum(1 for k in range(n) if is_prime(k)))`),
  wrongStatus: 'timeout',
};
