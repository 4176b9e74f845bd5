import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * Unicode stdio: each line's length in characters and the line reversed. The wrong one reads
 * sys.stdin.buffer and counts bytes.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { input: 'abc\n', output: '3 cba\n' },
      { input: 'héllo wörld\n', output: '11 dlröw olléh\n' },
      { input: '日本語 🙂\nΩ\n', output: '5 🙂 語本日\n1 Ω\n' },
    ],
  },
  correct: fenced('python', String.raw`
import sys

for line in sys.stdin:
    line = line.rstrip("\n")
    print(len(line), line[::-1])`),
  wrong: fenced('python', String.raw`
import sys

for raw in sys.stdin.buffer:
    raw = raw.rstrip(b"\n")
    print(len(raw), raw.decode("utf-8")[::-1])`),
  wrongStatus: 'incorrect',
};
