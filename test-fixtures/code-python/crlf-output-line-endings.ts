import { fenced, type HonestFixture } from '../code/fixture.ts';

/** Twin of code/crlf-output-line-endings: output with CRLF line ends is accepted (CRLF → LF); the wrong one sorts the numbers as strings. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { input: '4\n10 9 2 33\n', output: '2\n9\n10\n33\n' },
      { input: '1\n7\n', output: '7\n' },
    ],
  },
  correct: fenced('python', String.raw`
import sys

line = sys.stdin.read().split("\n")[1]
xs = sorted(int(t) for t in line.split())
sys.stdout.write("\r\n".join(map(str, xs)) + "\r\n")`),
  wrong: fenced('python', String.raw`
import sys

line = sys.stdin.read().split("\n")[1]
xs = sorted(line.split())
sys.stdout.write("\r\n".join(xs) + "\r\n")`),
  wrongStatus: 'incorrect',
};
