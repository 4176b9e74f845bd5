import { fenced, type HonestFixture } from './fixture.ts';

/** Lower bound (first index whose value is ≥ x); the wrong one never answers past the last element. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    entry_point: 'lowerBound',
    tests: [
      { args: [[1, 3, 3, 5, 8], 3], expected: 1 },
      { args: [[1, 3, 3, 5, 8], 0], expected: 0 },
      { args: [[1, 3, 3, 5, 8], 9], expected: 5 },
      { args: [[], 4], expected: 0 },
    ],
  },
  correct: fenced('js', String.raw`
function lowerBound(xs, x) {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}`),
  wrong: fenced('js', String.raw`
function lowerBound(xs, x) {
  let lo = 0, hi = Math.max(0, xs.length - 1);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}`),
  wrongStatus: 'incorrect',
};
