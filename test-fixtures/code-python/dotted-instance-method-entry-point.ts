import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * LeetCode's Python template named by a dotted entry point: `Solution.productExceptSelf` is an instance method,
 * so the class is instantiated for the call (a fresh instance per test: state kept on `self` does not leak).
 * The wrong one divides the product by each number, which fails on a zero.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    entry_point: 'Solution.productExceptSelf',
    tests: [
      { args: [[1, 2, 3, 4]], expected: [24, 12, 8, 6] },
      { args: [[-1, 1, 0, -3, 3]], expected: [0, 0, 9, 0, 0] },
      { args: [[2, 3]], expected: [3, 2] },
    ],
  },
  correct: fenced('python', String.raw`
class Solution:
    def __init__(self):
        self.calls = 0

    def productExceptSelf(self, nums: List[int]) -> List[int]:
        self.calls += 1
        assert self.calls == 1, "one instance per test"
        out = [1] * len(nums)
        left = 1
        for i, x in enumerate(nums):
            out[i] = left
            left *= x
        right = 1
        for i in range(len(nums) - 1, -1, -1):
            out[i] *= right
            right *= nums[i]
        return out`),
  wrong: fenced('python', String.raw`
class Solution:
    def productExceptSelf(self, nums: List[int]) -> List[int]:
        total = 1
        for x in nums:
            total *= x
        return [total // x if x else 0 for x in nums]`),
  wrongStatus: 'incorrect',
};
