import { fenced, type HonestFixture } from '../code/fixture.ts';

/** Twin of code/word-count-object: a Counter (a dict subclass) as the result, key order ignored; the wrong one forgets to lowercase. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    tests: [
      { call: 'word_count', args: ['the cat the hat'], expected: { the: 2, cat: 1, hat: 1 } },
      { call: 'word_count', args: ['A a b'], expected: { b: 1, a: 2 } },
    ],
  },
  correct: fenced('python', String.raw`
from collections import Counter


def word_count(text: str) -> dict[str, int]:
    return Counter(text.lower().split())`),
  wrong: fenced('python', String.raw`
from collections import Counter


def word_count(text: str) -> dict[str, int]:
    return Counter(text.split())`),
  wrongStatus: 'incorrect',
};
