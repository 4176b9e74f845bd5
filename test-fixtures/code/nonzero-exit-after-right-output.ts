import { fenced, type HonestFixture } from './fixture.ts';

/** process.exit(0) after printing is a normal end; a non-zero exit fails even when the output matches. */
export const fixture: HonestFixture = {
  task: { type: 'code', language: 'javascript', tests: [{ input: '2 3\n', output: '5\n' }] },
  correct: fenced('js', String.raw`
const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);
console.log(a + b);
process.exit(0);`),
  wrong: fenced('js', String.raw`
const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);
console.log(a + b);
process.exit(1);`),
  wrongStatus: 'runtime_error',
};
