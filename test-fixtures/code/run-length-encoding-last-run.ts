import { fenced, type HonestFixture } from './fixture.ts';

/** Stdio, one string per line; the wrong one forgets to flush the last run. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    tests: [
      { input: 'aaabcc\n', output: 'a3b1c2\n' },
      { input: 'z\n', output: 'z1\n' },
      { input: 'abba\nxxxx\n', output: 'a1b2a1\nx4\n' },
    ],
  },
  correct: fenced('js', String.raw`
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter(Boolean);
for (const s of lines) {
  let out = '';
  for (let i = 0, j = 0; i < s.length; i = j) {
    while (j < s.length && s[j] === s[i]) j++;
    out += s[i] + (j - i);
  }
  console.log(out);
}`),
  wrong: fenced('js', String.raw`
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter(Boolean);
for (const s of lines) {
  let out = '', run = 1;
  for (let i = 1; i < s.length; i++) {
    if (s[i] === s[i - 1]) run++;
    else { out += s[i - 1] + run; run = 1; }
  }
  console.log(out);
}`),
  wrongStatus: 'incorrect',
};
