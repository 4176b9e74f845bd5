import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * Twin of code/typescript-interface-stdio: a typed NamedTuple (Python's interface) on stdio, float tokens; the
 * wrong one parses coordinates with int(float(t)), truncating them as parseInt does.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    compare: 'float',
    tests: [
      { input: '0 0 3 4\n', output: '5\n' },
      { input: '0.5 0.5 2 2\n', output: '2.121320343559643\n' },
    ],
  },
  correct: fenced('python', String.raw`
import math
import sys
from typing import NamedTuple


class Point(NamedTuple):
    x: float
    y: float


def distance(p: Point, q: Point) -> float:
    return math.hypot(p.x - q.x, p.y - q.y)


x1, y1, x2, y2 = (float(t) for t in sys.stdin.read().split())
print(distance(Point(x1, y1), Point(x2, y2)))`),
  wrong: fenced('python', String.raw`
import math
import sys
from typing import NamedTuple


class Point(NamedTuple):
    x: float
    y: float


def distance(p: Point, q: Point) -> float:
    return math.hypot(p.x - q.x, p.y - q.y)


x1, y1, x2, y2 = (int(float(t)) for t in sys.stdin.read().split())
print(distance(Point(x1, y1), Point(x2, y2)))`),
  wrongStatus: 'incorrect',
};
