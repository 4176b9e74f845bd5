import { fenced, type HonestFixture } from './fixture.ts';

const expected = (n: number) =>
  Array.from({ length: n }, (_, i) => i + 1)
    .map((i) => (i % 15 === 0 ? 'FizzBuzz' : i % 3 === 0 ? 'Fizz' : i % 5 === 0 ? 'Buzz' : String(i)))
    .join('\n') + '\n';

/** Stdio, fs.readFileSync(0); the wrong one stops one short. */
export const fixture: HonestFixture = {
  task: { type: 'code', language: 'javascript', tests: [3, 5, 15, 16].map((n) => ({ input: `${n}\n`, output: expected(n) })) },
  correct: fenced('js', String.raw`
const n = Number(require('fs').readFileSync(0, 'utf8').trim());
const out = [];
for (let i = 1; i <= n; i++) out.push(i % 15 === 0 ? 'FizzBuzz' : i % 3 === 0 ? 'Fizz' : i % 5 === 0 ? 'Buzz' : String(i));
console.log(out.join('\n'));`),
  wrong: fenced('js', String.raw`
const n = Number(require('fs').readFileSync(0, 'utf8').trim());
for (let i = 1; i < n; i++) console.log(i % 15 === 0 ? 'FizzBuzz' : i % 3 === 0 ? 'Fizz' : i % 5 === 0 ? 'Buzz' : i);`),
  wrongStatus: 'incorrect',
};
