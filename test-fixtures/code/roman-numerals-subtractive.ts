import { fenced, type HonestFixture } from './fixture.ts';

/** A `const` arrow function as the entry point; the wrong one never writes the subtractive forms (IV, XC, CM). */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    entry_point: 'toRoman',
    tests: [
      { args: [3], expected: 'III' },
      { args: [1994], expected: 'MCMXCIV' },
      { args: [2024], expected: 'MMXXIV' },
    ],
  },
  correct: fenced('js', String.raw`
const NUMERALS = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
const toRoman = (n) => {
  let out = '';
  for (const [value, symbol] of NUMERALS) while (n >= value) { out += symbol; n -= value; }
  return out;
};`),
  wrong: fenced('js', String.raw`
const NUMERALS = [[1000, 'M'], [500, 'D'], [100, 'C'], [50, 'L'], [10, 'X'], [5, 'V'], [1, 'I']];
const toRoman = (n) => {
  let out = '';
  for (const [value, symbol] of NUMERALS) while (n >= value) { out += symbol; n -= value; }
  return out;
};`),
  wrongStatus: 'incorrect',
};
