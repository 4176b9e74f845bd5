import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * Twin of code/matrix-transpose-trailing-spaces: the correct one prints with end=' ' and leaves a trailing
 * space on every line (accepted); the wrong one only works for square matrices.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { input: '2 2\n1 2\n3 4\n', output: '1 3\n2 4\n' },
      { input: '2 3\n1 2 3\n4 5 6\n', output: '1 4\n2 5\n3 6\n' },
    ],
  },
  correct: fenced('python', String.raw`
import sys

r, c = map(int, sys.stdin.readline().split())
rows = [sys.stdin.readline().split() for _ in range(r)]
for j in range(c):
    for i in range(r):
        print(rows[i][j], end=" ")
    print()`),
  wrong: fenced('python', String.raw`
import sys

r, c = map(int, sys.stdin.readline().split())
rows = [sys.stdin.readline().split() for _ in range(r)]
for j in range(r):
    print(" ".join(row[j] for row in rows))`),
  wrongStatus: 'incorrect',
};
