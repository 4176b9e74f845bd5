import { fenced, type HonestFixture } from './fixture.ts';

/** The entry point is only on module.exports, as in a Node module; the wrong median forgets to sort. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    tests: [
      { call: 'median', args: [[3, 1, 2]], expected: 2 },
      { call: 'median', args: [[4, 1, 3, 2]], expected: 2.5 },
      { call: 'median', args: [[5]], expected: 5 },
    ],
  },
  correct: fenced('js', String.raw`
module.exports = {
  median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
  },
};`),
  wrong: fenced('js', String.raw`
module.exports = {
  median(xs) {
    const m = xs.length >> 1;
    return xs.length % 2 === 1 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
  },
};`),
  wrongStatus: 'incorrect',
};
