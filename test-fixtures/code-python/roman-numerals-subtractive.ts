import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * Twin of code/roman-numerals-subtractive: the entry point is a module-level lambda (Python's `const` arrow function)
 * over a helper; the wrong one never writes the subtractive forms (IV, XC, CM).
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    entry_point: 'to_roman',
    tests: [
      { args: [3], expected: 'III' },
      { args: [1994], expected: 'MCMXCIV' },
      { args: [2024], expected: 'MMXXIV' },
    ],
  },
  correct: fenced('python', String.raw`
NUMERALS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def _convert(n: int) -> str:
    out = []
    for value, symbol in NUMERALS:
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)


to_roman = lambda n: _convert(n)  # noqa: E731`),
  wrong: fenced('python', String.raw`
NUMERALS = [(1000, "M"), (500, "D"), (100, "C"), (50, "L"), (10, "X"), (5, "V"), (1, "I")]


def _convert(n: int) -> str:
    out = []
    for value, symbol in NUMERALS:
        count, n = divmod(n, value)
        out.append(symbol * count)
    return "".join(out)


to_roman = lambda n: _convert(n)  # noqa: E731`),
  wrongStatus: 'incorrect',
};
