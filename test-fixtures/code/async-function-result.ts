import { fenced, type HonestFixture } from './fixture.ts';

/** The entry point is async: its promise is awaited within the time limit. The wrong one awaits too little. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    tests: [
      { call: 'sumAsync', args: [[1, 2, 3]], expected: 6 },
      { call: 'sumAsync', args: [[]], expected: 0 },
    ],
  },
  correct: fenced('javascript', String.raw`
async function sumAsync(xs) {
  let total = 0;
  for (const x of xs) total += await Promise.resolve(x);
  return total;
}`),
  wrong: fenced('javascript', String.raw`
async function sumAsync(xs) {
  const parts = xs.map(async (x) => x);
  return parts.length === 0 ? 0 : parts.length;
}`),
  wrongStatus: 'incorrect',
};
