import { fenced, type HonestFixture } from '../code/fixture.ts';

/** Twin of code/first-duplicate-null-not-minus-one: type-strict exact compare: "none" is None (JSON null), and the wrong one answers -1. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { call: 'first_duplicate', args: [[2, 1, 3, 2, 1]], expected: 2 },
      { call: 'first_duplicate', args: [[1, 2, 3]], expected: null },
      { call: 'first_duplicate', args: [[]], expected: null },
    ],
  },
  correct: fenced('python', String.raw`
from typing import Optional


def first_duplicate(xs: list[int]) -> Optional[int]:
    seen = set()
    for x in xs:
        if x in seen:
            return x
        seen.add(x)
    return None`),
  wrong: fenced('python', String.raw`
def first_duplicate(xs: list[int]) -> int:
    seen = set()
    for x in xs:
        if x in seen:
            return x
        seen.add(x)
    return -1`),
  wrongStatus: 'incorrect',
};
