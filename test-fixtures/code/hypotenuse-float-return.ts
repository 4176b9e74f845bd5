import { fenced, type HonestFixture } from './fixture.ts';

/** Float compare of return values; the wrong one truncates instead of rounding. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    compare: 'float',
    tests: [
      { call: 'hypot', args: [3, 4], expected: 5 },
      { call: 'hypot', args: [1, 1], expected: 1.4142135623730951 },
      { call: 'hypot', args: [1, 2], expected: 2.23606797749979 },
    ],
  },
  correct: fenced('js', 'function hypot(a, b) { return Math.sqrt(a * a + b * b); }'),
  wrong: fenced('js', 'function hypot(a, b) { return Math.floor(Math.sqrt(a * a + b * b) * 100) / 100; }'),
  wrongStatus: 'incorrect',
};
