import { fenced, type HonestFixture } from './fixture.ts';

/** Unicode object keys (accents, emoji): the wrong one counts UTF-16 code units and splits surrogate pairs. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    entry_point: 'frequencies',
    tests: [
      { args: ['abca'], expected: { a: 2, b: 1, c: 1 } },
      { args: ['été'], expected: { é: 2, t: 1 } },
      { args: ['🙂a🙂'], expected: { '🙂': 2, a: 1 } },
    ],
  },
  correct: fenced('js', String.raw`
function frequencies(s) {
  const counts = {};
  for (const ch of s) counts[ch] = (counts[ch] ?? 0) + 1;
  return counts;
}`),
  wrong: fenced('js', String.raw`
function frequencies(s) {
  const counts = {};
  for (let i = 0; i < s.length; i++) counts[s[i]] = (counts[s[i]] ?? 0) + 1;
  return counts;
}`),
  wrongStatus: 'incorrect',
};
