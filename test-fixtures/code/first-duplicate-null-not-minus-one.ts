import { fenced, type HonestFixture } from './fixture.ts';

/** Type-strict exact compare: "none" is null, and the wrong one answers -1. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    tests: [
      { call: 'firstDuplicate', args: [[2, 1, 3, 2, 1]], expected: 2 },
      { call: 'firstDuplicate', args: [[1, 2, 3]], expected: null },
      { call: 'firstDuplicate', args: [[]], expected: null },
    ],
  },
  correct: fenced('js', String.raw`
function firstDuplicate(xs) {
  const seen = new Set();
  for (const x of xs) { if (seen.has(x)) return x; seen.add(x); }
  return null;
}`),
  wrong: fenced('js', String.raw`
function firstDuplicate(xs) {
  const seen = new Set();
  for (const x of xs) { if (seen.has(x)) return x; seen.add(x); }
  return -1;
}`),
  wrongStatus: 'incorrect',
};
