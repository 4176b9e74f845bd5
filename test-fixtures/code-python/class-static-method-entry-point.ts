import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * Twin of code/class-static-method-entry-point: the dotted entry point `Solution.maxProfit` is a @staticmethod
 * (called on the class, no instance made); the wrong one sells before it buys.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    entry_point: 'Solution.maxProfit',
    tests: [
      { args: [[7, 1, 5, 3, 6, 4]], expected: 5 },
      { args: [[7, 6, 4, 3, 1]], expected: 0 },
      { args: [[2, 4, 1]], expected: 2 },
    ],
  },
  correct: fenced('python', String.raw`
class Solution:
    @staticmethod
    def maxProfit(prices: List[int]) -> int:
        best, low = 0, float("inf")
        for p in prices:
            low = min(low, p)
            best = max(best, p - low)
        return best`),
  wrong: fenced('python', String.raw`
class Solution:
    @staticmethod
    def maxProfit(prices: List[int]) -> int:
        return max(prices) - min(prices) if prices else 0`),
  wrongStatus: 'incorrect',
};
