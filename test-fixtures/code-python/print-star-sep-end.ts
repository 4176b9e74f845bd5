import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * print(*xs, sep=...) and end=..., compared exactly: the numbers reversed and joined by '-', then
 * "sum=<total>" on the same line after ' | '. The wrong one prints each number with end='-' and leaves a
 * dangling dash.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    compare: 'exact',
    tests: [
      { input: '3\n1 2 3\n', output: '3-2-1 | sum=6\n' },
      { input: '1\n42\n', output: '42 | sum=42\n' },
    ],
  },
  correct: fenced('python', String.raw`
n = int(input())
xs = list(map(int, input().split()))
print(*reversed(xs), sep="-", end=" | ")
print("sum", sum(xs), sep="=")`),
  wrong: fenced('python', String.raw`
n = int(input())
xs = list(map(int, input().split()))
for x in reversed(xs):
    print(x, end="-")
print(" | sum=" + str(sum(xs)))`),
  wrongStatus: 'incorrect',
};
