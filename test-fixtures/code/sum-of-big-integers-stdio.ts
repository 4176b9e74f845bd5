import { fenced, type HonestFixture } from './fixture.ts';

/** Stdio big integers: the wrong one adds doubles, which print in exponent form and lose digits. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    tests: [
      { input: '2 3\n', output: '5\n' },
      { input: '123456789012345678901234567890 987654321098765432109876543210\n', output: '1111111110111111111011111111100\n' },
      { input: '-99999999999999999999 1\n', output: '-99999999999999999998\n' },
    ],
  },
  correct: fenced('js', String.raw`
const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(BigInt);
console.log((a + b).toString());`),
  wrong: fenced('js', String.raw`
const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
console.log(String(a + b));`),
  wrongStatus: 'incorrect',
};
