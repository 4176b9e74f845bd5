import { describe, expect, it } from 'vitest';
import { defaultKs, majorityVote, passAtK } from './pass-at-k.ts';

function binomial(n: number, k: number): number {
  let out = 1;
  for (let i = 1; i <= k; i++) out = (out * (n - k + i)) / i;
  return out;
}

describe('passAtK', () => {
  it('equals 1 − C(n−c, k)/C(n, k) for every small n, c and k', () => {
    for (let n = 1; n <= 12; n++) {
      for (let c = 0; c <= n; c++) {
        for (let k = 1; k <= n; k++) {
          const expected = n - c < k ? 1 : 1 - binomial(n - c, k) / binomial(n, k);
          expect(passAtK(n, c, k)).toBeCloseTo(expected, 12);
        }
      }
    }
  });

  it('is the fraction correct at k = 1', () => {
    expect(passAtK(16, 4, 1)).toBeCloseTo(0.25, 15);
    expect(passAtK(3, 1, 1)).toBeCloseTo(1 / 3, 15);
  });

  it('stays finite and in [0, 1] for groups far too large for binomial coefficients', () => {
    const value = passAtK(4096, 3, 1024);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThan(0.57);
    expect(value).toBeLessThan(0.58); // 1 − (3/4)³ ≈ 0.578 for a large n
    expect(passAtK(4096, 0, 4096)).toBe(0);
    expect(passAtK(4096, 1, 4096)).toBe(1);
  });

  it('rejects a k larger than the group and counts that do not fit', () => {
    expect(() => passAtK(4, 1, 8)).toThrow(RangeError);
    expect(() => passAtK(4, 5, 1)).toThrow(RangeError);
    expect(() => passAtK(4, 1, 0)).toThrow(RangeError);
  });
});

describe('defaultKs', () => {
  it('lists the powers of two up to the largest group', () => {
    expect(defaultKs(16)).toEqual([1, 2, 4, 8, 16]);
    expect(defaultKs(12)).toEqual([1, 2, 4, 8]);
    expect(defaultKs(1)).toEqual([1]);
    expect(defaultKs(0)).toEqual([]);
  });
});

describe('majorityVote', () => {
  it('picks the first completion carrying the most frequent answer', () => {
    expect(majorityVote(['4', '5', '5', '4', '5'])).toBe(1);
  });

  it('breaks a tie by the answer that appeared first', () => {
    expect(majorityVote(['5', '4', '4', '5'])).toBe(0);
    expect(majorityVote([null, '4', '5'])).toBe(1);
  });

  it('ignores completions without an answer, and has no winner when none has one', () => {
    expect(majorityVote([null, null, '7', null])).toBe(2);
    expect(majorityVote([null, null])).toBeNull();
    expect(majorityVote([])).toBeNull();
  });
});
