import type { HonestFixture } from '../code/fixture.ts';

/**
 * Twin of code/stdin-events-answer-tag: sys.stdin.read(), program given in <answer> (no fence); the wrong
 * one starts its maximum at 0 and so ignores all-negative inputs.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { input: '1 -2 3\n', output: '3\n' },
      { input: '-5 -1\n', output: '-1\n' },
    ],
  },
  correct: `<think>max of the numbers</think><answer>
import sys
print(max(map(int, sys.stdin.read().split())))
</answer>`,
  wrong: `<think>max of the numbers</think><answer>
import sys
best = 0
for x in map(int, sys.stdin.read().split()):
    if x > best:
        best = x
print(best)
</answer>`,
  wrongStatus: 'incorrect',
};
