import { fenced, type HonestFixture } from './fixture.ts';

const tests = [
  { call: 'twoSum', args: [[2, 7, 11, 15], 9], expected: [0, 1] },
  { call: 'twoSum', args: [[3, 2, 4], 6], expected: [1, 2] },
  { call: 'twoSum', args: [[3, 3], 6], expected: [0, 1] },
];

/** The wrong one uses indexOf, which finds the first of two equal numbers twice. */
export const fixture: HonestFixture = {
  task: { type: 'code', language: 'javascript', tests },
  correct: fenced('javascript', String.raw`
function twoSum(nums, target) {
  const seen = new Map();
  for (let i = 0; i < nums.length; i++) {
    const j = seen.get(target - nums[i]);
    if (j !== undefined) return [j, i];
    seen.set(nums[i], i);
  }
  return [];
}`),
  wrong: fenced('js', String.raw`
function twoSum(nums, target) {
  for (let i = 0; i < nums.length; i++) {
    const j = nums.indexOf(target - nums[i]);
    if (j !== -1 && j !== i) return [Math.min(i, j), Math.max(i, j)];
    if (j === i) return [i, i];
  }
  return [];
}`),
  wrongStatus: 'incorrect',
};
