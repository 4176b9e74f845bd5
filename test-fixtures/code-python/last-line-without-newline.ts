import { fenced, type HonestFixture } from '../code/fixture.ts';

/** Twin of code/last-line-without-newline: input whose last line has no newline: the wrong one drops whatever follows the last "\n". */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { input: '2\n10\n20', output: '30\n' },
      { input: '3\n1\n2\n3\n', output: '6\n' },
    ],
  },
  correct: fenced('python', String.raw`
import sys

n, *xs = map(int, sys.stdin.read().split())
print(sum(xs[:n]))`),
  wrong: fenced('python', String.raw`
import sys

lines = sys.stdin.read().split("\n")[:-1]
n, *xs = map(int, lines)
print(sum(xs[:n]))`),
  wrongStatus: 'incorrect',
};
