import { fenced, type HonestFixture } from '../code/fixture.ts';

/** Twin of code/run-length-encoding-last-run: stdio, one string per line; the wrong one forgets to flush the last run. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { input: 'aaabcc\n', output: 'a3b1c2\n' },
      { input: 'z\n', output: 'z1\n' },
      { input: 'abba\nxxxx\n', output: 'a1b2a1\nx4\n' },
    ],
  },
  correct: fenced('python', String.raw`
import sys
from itertools import groupby

for line in sys.stdin.read().split("\n"):
    if line:
        print("".join(f"{ch}{len(list(run))}" for ch, run in groupby(line)))`),
  wrong: fenced('python', String.raw`
import sys

for s in sys.stdin.read().split("\n"):
    if not s:
        continue
    out, run = "", 1
    for i in range(1, len(s)):
        if s[i] == s[i - 1]:
            run += 1
        else:
            out += s[i - 1] + str(run)
            run = 1
    print(out)`),
  wrongStatus: 'incorrect',
};
