import { fenced, type HonestFixture } from './fixture.ts';

/** Float compare: the correct one prints full precision (differs in the last digits); the wrong one rounds to 2 places. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    compare: 'float',
    abs_tol: 1e-6,
    tests: [
      { input: '3\n1 2 2\n', output: '1.666666667\n' },
      { input: '2\n1 0\n', output: '0.5\n' },
      { input: '4\n0.1 0.2 0.3 0.4\n', output: '0.25\n' },
    ],
  },
  correct: fenced('javascript', String.raw`
const [n, ...xs] = require('fs').readFileSync('/dev/stdin', 'utf8').split(/\s+/).filter(Boolean).map(Number);
console.log(xs.reduce((a, b) => a + b, 0) / n);`),
  wrong: fenced('javascript', String.raw`
const [n, ...xs] = require('fs').readFileSync('/dev/stdin', 'utf8').split(/\s+/).filter(Boolean).map(Number);
console.log((xs.reduce((a, b) => a + b, 0) / n).toFixed(2));`),
  wrongStatus: 'incorrect',
};
