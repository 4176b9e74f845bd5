import { fenced, type HonestFixture } from '../code/fixture.ts';

/** Twin of code/sort-numbers-readline: the `input = sys.stdin.readline` idiom and print(*xs); the wrong one sorts strings. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    compare: 'tokens',
    tests: [
      { input: '3\n10 9 1\n', output: '1 9 10' },
      { input: '4\n5 100 20 3\n', output: '3\n5\n20\n100\n' },
    ],
  },
  correct: fenced('python', String.raw`
import sys
input = sys.stdin.readline

n = int(input())
xs = list(map(int, input().split()))
print(*sorted(xs))`),
  wrong: fenced('python', String.raw`
import sys
input = sys.stdin.readline

n = int(input())
xs = input().split()
print(*sorted(xs))`),
  wrongStatus: 'incorrect',
};
