import { fenced, type HonestFixture } from './fixture.ts';

/** A tuple as an array, Python-style floor division: the wrong one truncates towards zero for negative numbers. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    entry_point: 'divmod',
    tests: [
      { args: [7, 2], expected: [3, 1] },
      { args: [-7, 2], expected: [-4, 1] },
      { args: [7, -2], expected: [-4, -1] },
    ],
  },
  correct: fenced('js', String.raw`
function divmod(a, b) {
  const q = Math.floor(a / b);
  return [q, a - q * b];
}`),
  wrong: fenced('js', String.raw`
function divmod(a, b) {
  return [Math.trunc(a / b), a % b];
}`),
  wrongStatus: 'incorrect',
};
