import { fenced, type HonestFixture } from '../code/fixture.ts';

const numbers = Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 10_007);
const distinct = [...new Set(numbers)].sort((a, b) => a - b);

/**
 * Fast output through sys.stdout.buffer (bytes, %-formatted). The wrong one forgets that buffer.write adds
 * no newline, so the count runs into the first value.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { input: '5\n3 1 3 2 1\n', output: '3\n1\n2\n3\n' },
      { input: `${numbers.length}\n${numbers.join(' ')}\n`, output: `${distinct.length}\n${distinct.join('\n')}\n` },
    ],
  },
  correct: fenced('python', String.raw`
import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
xs = sorted(set(map(int, data[1:n + 1])))
out = sys.stdout.buffer
out.write(b"%d\n" % len(xs))
out.write(b"\n".join(b"%d" % x for x in xs) + b"\n")`),
  wrong: fenced('python', String.raw`
import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
xs = sorted(set(map(int, data[1:n + 1])))
sys.stdout.buffer.write(str(len(xs)).encode())
sys.stdout.buffer.write("\n".join(map(str, xs)).encode() + b"\n")`),
  wrongStatus: 'incorrect',
};
