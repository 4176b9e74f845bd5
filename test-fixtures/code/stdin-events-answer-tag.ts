import type { HonestFixture } from './fixture.ts';

/** process.stdin data/end events, program given in <answer> (no fence); the wrong one ignores negative numbers. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    tests: [
      { input: '1 -2 3\n', output: '3\n' },
      { input: '-5 -1\n', output: '-1\n' },
    ],
  },
  correct: `<think>max of the numbers</think><answer>
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => console.log(Math.max(...input.trim().split(/\\s+/).map(Number))));
</answer>`,
  wrong: `<think>max of the numbers</think><answer>
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', () => console.log(input.trim().split(/\\s+/).map(Number).reduce((m, x) => (x > m ? x : m), 0)));
</answer>`,
  wrongStatus: 'incorrect',
};
