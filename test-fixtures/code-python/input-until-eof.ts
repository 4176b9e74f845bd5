import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * No count given: input() until EOFError. The wrong one waits for an empty line that never comes and
 * dies with EOFError after printing the right answers.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { input: '1 2\n3 4\n', output: '3\n7\n' },
      { input: '10 -5\n', output: '5\n' },
      { input: '5 5', output: '10\n' },
    ],
  },
  correct: fenced('python', String.raw`
while True:
    try:
        line = input()
    except EOFError:
        break
    a, b = map(int, line.split())
    print(a + b)`),
  wrong: fenced('python', String.raw`
while True:
    line = input()
    if not line:
        break
    a, b = map(int, line.split())
    print(a + b)`),
  wrongStatus: 'runtime_error',
};
