import { fenced, type HonestFixture } from '../code/fixture.ts';

/** A tuple result compares as a JSON list; the wrong one truncates toward zero (int(a / b)) instead of flooring. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    entry_point: 'floor_divmod',
    tests: [
      { args: [7, 2], expected: [3, 1] },
      { args: [-7, 2], expected: [-4, 1] },
      { args: [7, -2], expected: [-4, -1] },
    ],
  },
  correct: fenced('python', String.raw`
def floor_divmod(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b`),
  wrong: fenced('python', String.raw`
def floor_divmod(a: int, b: int) -> tuple[int, int]:
    return int(a / b), a % b`),
  wrongStatus: 'incorrect',
};
