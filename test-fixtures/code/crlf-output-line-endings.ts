import { fenced, type HonestFixture } from './fixture.ts';

/** Output with CRLF line ends is accepted (CRLF → LF); the wrong one sorts the numbers as strings. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    tests: [
      { input: '4\n10 9 2 33\n', output: '2\n9\n10\n33\n' },
      { input: '1\n7\n', output: '7\n' },
    ],
  },
  correct: fenced('js', String.raw`
const [, line] = require('fs').readFileSync(0, 'utf8').split('\n');
const xs = line.trim().split(' ').map(Number).sort((a, b) => a - b);
process.stdout.write(xs.join('\r\n') + '\r\n');`),
  wrong: fenced('js', String.raw`
const [, line] = require('fs').readFileSync(0, 'utf8').split('\n');
const xs = line.trim().split(' ').sort();
process.stdout.write(xs.join('\r\n') + '\r\n');`),
  wrongStatus: 'incorrect',
};
