import { fenced, type HonestFixture } from './fixture.ts';

/**
 * Line compare: the correct one ends with extra blank lines and spaces (dropped before comparing); the wrong one
 * puts a blank line between its lines, which is a line too many.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    tests: [
      { input: '3\n', output: '1\n2\n3\n' },
      { input: '1\n', output: '1\n' },
    ],
  },
  correct: fenced('js', String.raw`
const n = Number(require('fs').readFileSync(0, 'utf8'));
let out = '';
for (let i = 1; i <= n; i++) out += i + '  \n';
process.stdout.write(out + '\n\n');`),
  wrong: fenced('js', String.raw`
const n = Number(require('fs').readFileSync(0, 'utf8'));
const lines = [];
for (let i = 1; i <= n; i++) lines.push(String(i));
console.log(lines.join('\n\n'));`),
  wrongStatus: 'incorrect',
};
