import { fenced, type HonestFixture } from '../code/fixture.ts';

/**
 * Twin of code/character-frequency-unicode-keys: Unicode dict keys (accents, emoji) round-trip through JSON; the
 * correct one returns a Counter (a dict). Python strings iterate by code point, so the wrong one splits characters
 * the Python way: it counts the UTF-8 bytes, each taken as a character of its own.
 */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'python',
    entry_point: 'frequencies',
    tests: [
      { args: ['abca'], expected: { a: 2, b: 1, c: 1 } },
      { args: ['été'], expected: { é: 2, t: 1 } },
      { args: ['🙂a🙂'], expected: { '🙂': 2, a: 1 } },
    ],
  },
  correct: fenced('python', String.raw`
from collections import Counter


def frequencies(s: str) -> dict[str, int]:
    return Counter(s)`),
  wrong: fenced('python', String.raw`
def frequencies(s: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for b in s.encode("utf-8"):
        ch = chr(b)
        counts[ch] = counts.get(ch, 0) + 1
    return counts`),
  wrongStatus: 'incorrect',
};
