import { fenced, type HonestFixture } from '../code/fixture.ts';

const CHAIN = 50_000;
const chainParents = Array.from({ length: CHAIN - 1 }, (_, i) => i + 1).join(' ');

/**
 * Tree height by recursive DFS, 50,000 deep on a chain, with sys.setrecursionlimit raised. The wrong one
 * keeps the default limit of 1,000 and dies with RecursionError on the chain.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { input: '5\n1 1 2 3\n', output: '2\n' },
      { input: `${CHAIN}\n${chainParents}\n`, output: `${CHAIN - 1}\n` },
    ],
  },
  correct: fenced('python', String.raw`
import sys

sys.setrecursionlimit(200000)


def height(v, children):
    best = 0
    for c in children[v]:
        best = max(best, 1 + height(c, children))
    return best


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    children = [[] for _ in range(n + 1)]
    for child, parent in enumerate(map(int, data[1:n]), start=2):
        children[parent].append(child)
    print(height(1, children))


main()`),
  wrong: fenced('python', String.raw`
import sys


def height(v, children):
    best = 0
    for c in children[v]:
        best = max(best, 1 + height(c, children))
    return best


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    children = [[] for _ in range(n + 1)]
    for child, parent in enumerate(map(int, data[1:n]), start=2):
        children[parent].append(child)
    print(height(1, children))


main()`),
  wrongStatus: 'runtime_error',
};
