import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * Twin of code/reverse-unicode-code-points: Unicode strings in and out of a call test. The wrong one
 * reverses UTF-8 bytes (Python's code units) and drops what no longer decodes.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { call: 'reverse', args: ['abc'], expected: 'cba' },
      { call: 'reverse', args: ['ab🙂'], expected: '🙂ba' },
      { call: 'reverse', args: ['héllo wörld'], expected: 'dlröw olléh' },
    ],
  },
  correct: fenced('python', String.raw`
def reverse(s: str) -> str:
    return s[::-1]`),
  wrong: fenced('python', String.raw`
def reverse(s: str) -> str:
    return s.encode("utf-8")[::-1].decode("utf-8", errors="ignore")`),
  wrongStatus: 'incorrect',
};
