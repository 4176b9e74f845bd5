import { fenced, type HonestFixture } from './fixture.ts';

/** A dotted entry point (`Solution.maxProfit`) on a class; the wrong one sells before it buys. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    entry_point: 'Solution.maxProfit',
    tests: [
      { args: [[7, 1, 5, 3, 6, 4]], expected: 5 },
      { args: [[7, 6, 4, 3, 1]], expected: 0 },
      { args: [[2, 4, 1]], expected: 2 },
    ],
  },
  correct: fenced('js', String.raw`
class Solution {
  static maxProfit(prices) {
    let best = 0, low = Infinity;
    for (const p of prices) { low = Math.min(low, p); best = Math.max(best, p - low); }
    return best;
  }
}`),
  wrong: fenced('js', String.raw`
class Solution {
  static maxProfit(prices) {
    return prices.length === 0 ? 0 : Math.max(...prices) - Math.min(...prices);
  }
}`),
  wrongStatus: 'incorrect',
};
