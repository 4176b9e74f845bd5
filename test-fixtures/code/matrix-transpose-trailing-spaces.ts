import { fenced, type HonestFixture } from './fixture.ts';

/** The correct one leaves a trailing space on every line (accepted); the wrong one only works for square matrices. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    tests: [
      { input: '2 2\n1 2\n3 4\n', output: '1 3\n2 4\n' },
      { input: '2 3\n1 2 3\n4 5 6\n', output: '1 4\n2 5\n3 6\n' },
    ],
  },
  correct: fenced('js', String.raw`
const rl = require('readline').createInterface({ input: process.stdin });
const rows = [];
rl.on('line', (line) => rows.push(line.trim().split(' ').map(Number)));
rl.on('close', () => {
  const [r, c] = rows.shift();
  let out = '';
  for (let j = 0; j < c; j++) {
    for (let i = 0; i < r; i++) out += rows[i][j] + ' ';
    out += '\n';
  }
  process.stdout.write(out);
});`),
  wrong: fenced('js', String.raw`
const rl = require('readline').createInterface({ input: process.stdin });
const rows = [];
rl.on('line', (line) => rows.push(line.trim().split(' ').map(Number)));
rl.on('close', () => {
  const [r] = rows.shift();
  for (let j = 0; j < r; j++) console.log(rows.map((row) => row[j]).join(' '));
});`),
  wrongStatus: 'incorrect',
};
