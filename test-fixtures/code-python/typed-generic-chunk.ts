import { fenced, type HonestFixture } from '../code/fixture.ts';

/** Twin of code/typescript-generic-chunk: a TypeVar-generic, type-hinted function; the wrong one drops the last partial chunk. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { call: 'chunk', args: [[1, 2, 3, 4, 5], 2], expected: [[1, 2], [3, 4], [5]] },
      { call: 'chunk', args: [[], 3], expected: [] },
    ],
  },
  correct: fenced('py', String.raw`
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def chunk(xs: Sequence[T], size: int) -> list[list[T]]:
    return [list(xs[i:i + size]) for i in range(0, len(xs), size)]`),
  wrong: fenced('py', String.raw`
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def chunk(xs: Sequence[T], size: int) -> list[list[T]]:
    return [list(xs[i:i + size]) for i in range(0, len(xs) - size + 1, size)]`),
  wrongStatus: 'incorrect',
};
