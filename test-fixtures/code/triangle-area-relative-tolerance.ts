import { fenced, type HonestFixture } from './fixture.ts';

/** Float tokens within rel_tol (large areas): the wrong one truncates the semi-perimeter to an integer. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    compare: 'float',
    abs_tol: 0,
    rel_tol: 1e-9,
    tests: [
      { input: '3 4 5\n', output: '6\n' },
      { input: '1000000 1000000 1000000\n', output: '433012701892.2193\n' },
      { input: '2 3 4\n', output: '2.9047375096555625\n' },
    ],
  },
  correct: fenced('js', String.raw`
const [a, b, c] = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const s = (a + b + c) / 2;
console.log(Math.sqrt(s * (s - a) * (s - b) * (s - c)));`),
  wrong: fenced('js', String.raw`
const [a, b, c] = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const s = Math.floor((a + b + c) / 2);
console.log(Math.sqrt(s * (s - a) * (s - b) * (s - c)));`),
  wrongStatus: 'incorrect',
};
