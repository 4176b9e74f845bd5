import { fenced, type HonestFixture } from './fixture.ts';

/** Input whose last line has no newline: the wrong one drops whatever follows the last "\n". */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    tests: [
      { input: '2\n10\n20', output: '30\n' },
      { input: '3\n1\n2\n3\n', output: '6\n' },
    ],
  },
  correct: fenced('js', String.raw`
const [n, ...xs] = require('fs').readFileSync(0, 'utf8').split('\n').filter((l) => l.trim() !== '').map(Number);
console.log(xs.slice(0, n).reduce((a, b) => a + b, 0));`),
  wrong: fenced('js', String.raw`
const lines = require('fs').readFileSync(0, 'utf8').split('\n').slice(0, -1).map(Number);
const [n, ...xs] = lines;
console.log(xs.slice(0, n).reduce((a, b) => a + b, 0));`),
  wrongStatus: 'incorrect',
};
