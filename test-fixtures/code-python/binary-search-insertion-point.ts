import { fenced, type HonestFixture } from '../code/fixture.ts';

/** Twin of code/binary-search-insertion-point: lower bound (first index whose value is ≥ x); the wrong one never answers past the last element. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    entry_point: 'lower_bound',
    tests: [
      { args: [[1, 3, 3, 5, 8], 3], expected: 1 },
      { args: [[1, 3, 3, 5, 8], 0], expected: 0 },
      { args: [[1, 3, 3, 5, 8], 9], expected: 5 },
      { args: [[], 4], expected: 0 },
    ],
  },
  correct: fenced('python', String.raw`
def lower_bound(xs: list[int], x: int) -> int:
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo`),
  wrong: fenced('python', String.raw`
def lower_bound(xs: list[int], x: int) -> int:
    lo, hi = 0, max(0, len(xs) - 1)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo`),
  wrongStatus: 'incorrect',
};
