import { fenced, type HonestFixture } from './fixture.ts';

/** Input with CRLF line ends: the wrong one keeps the \r, which ends up at the start of each reversed word. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    tests: [
      { input: 'abc\r\nhello\r\n', output: 'cba\nolleh\n' },
      { input: 'x\r\n', output: 'x\n' },
    ],
  },
  correct: fenced('js', String.raw`
const lines = require('fs').readFileSync(0, 'utf8').split(/\r?\n/).filter((l) => l !== '');
for (const line of lines) console.log([...line].reverse().join(''));`),
  wrong: fenced('js', String.raw`
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter((l) => l !== '');
for (const line of lines) console.log([...line].reverse().join(''));`),
  wrongStatus: 'incorrect',
};
