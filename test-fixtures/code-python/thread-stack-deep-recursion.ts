import { fenced, type HonestFixture } from '../code/fixture.ts';

const CHAIN = 30_000;
const chainParents = Array.from({ length: CHAIN - 1 }, (_, i) => i + 1).join(' ');

/**
 * The competitive-programming template: main runs in a threading.Thread after threading.stack_size(1 << 27)
 * and sys.setrecursionlimit, because its recursion passes through max() and a generator (C frames) 30,000
 * deep, more than the main thread's 8 MiB stack holds. 256 MB, as such problems allow. The wrong one counts
 * edges where the problem asks for nodes.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    memory_limit_mb: 256,
    tests: [
      { input: '5\n1 1 2 3\n', output: '3\n' },
      { input: '1\n\n', output: '1\n' },
      { input: `${CHAIN}\n${chainParents}\n`, output: `${CHAIN}\n` },
    ],
  },
  correct: fenced('python', String.raw`
import sys
import threading


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    children = [[] for _ in range(n + 1)]
    for child in range(2, n + 1):
        children[int(data[child - 1])].append(child)

    def nodes_on_longest_path(v):
        return 1 + max((nodes_on_longest_path(c) for c in children[v]), default=0)

    print(nodes_on_longest_path(1))


sys.setrecursionlimit(1 << 25)
threading.stack_size(1 << 27)
thread = threading.Thread(target=main)
thread.start()
thread.join()`),
  wrong: fenced('python', String.raw`
import sys
import threading


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    children = [[] for _ in range(n + 1)]
    for child in range(2, n + 1):
        children[int(data[child - 1])].append(child)

    def depth(v):
        return max((1 + depth(c) for c in children[v]), default=0)

    print(depth(1))


sys.setrecursionlimit(1 << 25)
threading.stack_size(1 << 27)
thread = threading.Thread(target=main)
thread.start()
thread.join()`),
  wrongStatus: 'incorrect',
};
