import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * The `exit()` builtin (not sys.exit) as an early return, as competitive programs often end; the wrong one
 * forgets to stop and also prints -1 and any later match.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { input: '5 3\n1 3 5 3 7\n', output: '1\n' },
      { input: '3 9\n1 2 3\n', output: '-1\n' },
    ],
  },
  correct: fenced('python', String.raw`
n, x = map(int, input().split())
xs = list(map(int, input().split()))
for i, v in enumerate(xs):
    if v == x:
        print(i)
        exit()
print(-1)`),
  wrong: fenced('python', String.raw`
n, x = map(int, input().split())
xs = list(map(int, input().split()))
for i, v in enumerate(xs):
    if v == x:
        print(i)
print(-1)`),
  wrongStatus: 'incorrect',
};
