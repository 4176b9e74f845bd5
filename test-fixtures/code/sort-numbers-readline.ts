import { fenced, type HonestFixture } from './fixture.ts';

/** for await over readline; the wrong one sorts lexicographically. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    compare: 'tokens',
    tests: [
      { input: '3\n10 9 1\n', output: '1 9 10' },
      { input: '4\n5 100 20 3\n', output: '3\n5\n20\n100\n' },
    ],
  },
  correct: fenced('js', String.raw`
const readline = require('readline');
async function main() {
  const lines = [];
  for await (const line of readline.createInterface({ input: process.stdin })) lines.push(line);
  console.log(lines[1].split(' ').map(Number).sort((a, b) => a - b).join(' '));
}
main();`),
  wrong: fenced('js', String.raw`
const readline = require('readline');
async function main() {
  const lines = [];
  for await (const line of readline.createInterface({ input: process.stdin })) lines.push(line);
  console.log(lines[1].split(' ').sort().join(' '));
}
main();`),
  wrongStatus: 'incorrect',
};
