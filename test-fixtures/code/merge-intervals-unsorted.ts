import { fenced, type HonestFixture } from './fixture.ts';

/** Nested arrays in and out; the wrong one merges in input order without sorting first. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    entry_point: 'merge',
    tests: [
      { args: [[[1, 3], [2, 6], [8, 10]]], expected: [[1, 6], [8, 10]] },
      { args: [[[8, 10], [1, 3], [2, 6]]], expected: [[1, 6], [8, 10]] },
      { args: [[[1, 4], [4, 5]]], expected: [[1, 5]] },
    ],
  },
  correct: fenced('js', String.raw`
function merge(intervals) {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  const out = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}`),
  wrong: fenced('js', String.raw`
function merge(intervals) {
  const out = [];
  for (const [start, end] of intervals) {
    const last = out[out.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}`),
  wrongStatus: 'incorrect',
};
