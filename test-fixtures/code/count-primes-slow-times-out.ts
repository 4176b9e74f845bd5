import { fenced, type HonestFixture } from './fixture.ts';

/** Stdio, correct but slow: trial division by every smaller number is right for small n and times out on n = 300,000. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    time_limit_ms: 1000,
    tests: [
      { input: '10\n', output: '4\n' },
      { input: '300000\n', output: '25997\n' },
    ],
  },
  correct: fenced('js', String.raw`
const n = Number(require('fs').readFileSync(0, 'utf8'));
const composite = new Uint8Array(n + 1);
let count = 0;
for (let i = 2; i <= n; i++) {
  if (composite[i]) continue;
  count++;
  for (let j = i * i; j <= n; j += i) composite[j] = 1;
}
console.log(count);`),
  wrong: fenced('js', String.raw`
const n = Number(require('fs').readFileSync(0, 'utf8'));
let count = 0;
for (let i = 2; i <= n; i++) {
  let prime = true;
  for (let d = 2; d < i; d++) if (i % d === 0) { prime = false; break; }
  if (prime) count++;
}
console.log(count);`),
  wrongStatus: 'timeout',
};
