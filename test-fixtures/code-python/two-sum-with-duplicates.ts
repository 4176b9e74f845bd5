import { fenced, type HonestFixture } from '../code/fixture.ts';

const tests = [
  { call: 'twoSum', args: [[2, 7, 11, 15], 9], expected: [0, 1] },
  { call: 'twoSum', args: [[3, 2, 4], 6], expected: [1, 2] },
  { call: 'twoSum', args: [[3, 3], 6], expected: [0, 1] },
];

/**
 * Twin of code/two-sum-with-duplicates, LeetCode style: a `class Solution` method using `List` without
 * importing it (LeetCode predefines it). The wrong one uses list.index, which finds the first of two equal
 * numbers twice.
 */
export const fixture: HonestFixture = {
  task: { type: 'code', language: 'python', tests },
  correct: fenced('python', String.raw`
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
        return []`),
  wrong: fenced('python3', String.raw`
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        for i, x in enumerate(nums):
            if target - x in nums:
                j = nums.index(target - x)
                return [min(i, j), max(i, j)]
        return []`),
  wrongStatus: 'incorrect',
};
