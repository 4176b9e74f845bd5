import { fenced, type HonestFixture } from '../code/fixture.ts';

/** Twin of code/merge-intervals-unsorted: nested lists in and out; the wrong one merges in input order without sorting first. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    entry_point: 'merge',
    tests: [
      { args: [[[1, 3], [2, 6], [8, 10]]], expected: [[1, 6], [8, 10]] },
      { args: [[[8, 10], [1, 3], [2, 6]]], expected: [[1, 6], [8, 10]] },
      { args: [[[1, 4], [4, 5]]], expected: [[1, 5]] },
    ],
  },
  correct: fenced('python', String.raw`
def merge(intervals: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out`),
  wrong: fenced('python', String.raw`
def merge(intervals: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for start, end in intervals:
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out`),
  wrongStatus: 'incorrect',
};
