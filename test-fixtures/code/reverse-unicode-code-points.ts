import { fenced, type HonestFixture } from './fixture.ts';

/** Unicode: the wrong one reverses UTF-16 code units and breaks surrogate pairs. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    tests: [
      { call: 'reverse', args: ['abc'], expected: 'cba' },
      { call: 'reverse', args: ['ab🙂'], expected: '🙂ba' },
      { call: 'reverse', args: ['héllo wörld'], expected: 'dlröw olléh' },
    ],
  },
  correct: fenced('js', 'const reverse = (s) => Array.from(s).reverse().join("");'),
  wrong: fenced('js', 'const reverse = (s) => s.split("").reverse().join("");'),
  wrongStatus: 'incorrect',
};
