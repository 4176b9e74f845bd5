import { fenced, type HonestFixture } from '../code/fixture.ts';

const numbers = Array.from({ length: 5_000 }, (_, i) => i - 2_000);

/**
 * Debug output on stderr (print(file=sys.stderr), a warning, a logged traceback) does not count; the
 * wrong one prints its debug line to stdout.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { input: '1 2 3 4 5\n', output: '15\n' },
      { input: `${numbers.join(' ')}\n`, output: `${numbers.reduce((s, x) => s + x, 0)}\n` },
    ],
  },
  correct: fenced('python', String.raw`
import sys
import traceback
import warnings

xs = list(map(int, sys.stdin.read().split()))
warnings.warn("debugging build")
total = 0
for i, x in enumerate(xs):
    total += x
    print(f"step {i}: x={x} total={total}", file=sys.stderr)
try:
    1 / 0
except ZeroDivisionError:
    traceback.print_exc()
sys.stderr.write("done\n")
print(total)`),
  wrong: fenced('python', String.raw`
import sys

xs = list(map(int, sys.stdin.read().split()))
print("debug: read", len(xs), "numbers")
print(sum(xs))`),
  wrongStatus: 'incorrect',
};
