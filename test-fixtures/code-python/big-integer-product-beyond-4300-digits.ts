import { fenced, type HonestFixture } from '../code/fixture.ts';

// 7^6000 has 5,071 digits and the product 9,366: both int(str) and str(int) pass CPython's default
// limit of 4,300 digits, which the jail lifts.
const a = 7n ** 6000n;
const b = 3n ** 9001n - 1n;

/** Big integers beyond 4,300 digits through stdio. The wrong one multiplies Decimals at the default 28-digit precision. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { input: '12\n34\n', output: '408\n' },
      { input: `${a}\n${b}\n`, output: `${a * b}\n` },
      { input: `-${b}\n${b}\n`, output: `${-b * b}\n` },
    ],
  },
  correct: fenced('python', String.raw`
a = int(input())
b = int(input())
print(a * b)`),
  wrong: fenced('python', String.raw`
from decimal import Decimal

a = Decimal(input())
b = Decimal(input())
print(a * b)`),
  wrongStatus: 'incorrect',
};
