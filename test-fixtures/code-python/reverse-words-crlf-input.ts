import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * Twin of code/reverse-words-crlf-input: CRLF input (sys.stdin translates no newlines on Linux). The
 * correct one uses splitlines(); the wrong one splits on '\n' and the '\r' starts each reversed word.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { input: 'abc\r\nhello\r\n', output: 'cba\nolleh\n' },
      { input: 'x\r\n', output: 'x\n' },
    ],
  },
  correct: fenced('python', String.raw`
import sys

for line in sys.stdin.read().splitlines():
    if line:
        print(line[::-1])`),
  wrong: fenced('python', String.raw`
import sys

for line in sys.stdin.read().split("\n"):
    if line:
        print(line[::-1])`),
  wrongStatus: 'incorrect',
};
