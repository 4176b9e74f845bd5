import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * Twin of code/trailing-blank-lines-accepted: line compare: the correct one ends with extra blank lines and spaces
 * (dropped before comparing); the wrong one puts a blank line between its lines, which is a line too many.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { input: '3\n', output: '1\n2\n3\n' },
      { input: '1\n', output: '1\n' },
    ],
  },
  correct: fenced('python', String.raw`
n = int(input())
for i in range(1, n + 1):
    print(i, end="  \n")
print("\n")`),
  wrong: fenced('python', String.raw`
n = int(input())
print("\n\n".join(str(i) for i in range(1, n + 1)))`),
  wrongStatus: 'incorrect',
};
