import { fenced, type HonestFixture } from './fixture.ts';

/** An object result, key order ignored: the wrong one forgets to lowercase. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'javascript',
    tests: [
      { call: 'wordCount', args: ['the cat the hat'], expected: { the: 2, cat: 1, hat: 1 } },
      { call: 'wordCount', args: ['A a b'], expected: { b: 1, a: 2 } },
    ],
  },
  correct: fenced('js', String.raw`
function wordCount(text) {
  const counts = {};
  for (const w of text.toLowerCase().split(/\s+/).filter(Boolean)) counts[w] = (counts[w] || 0) + 1;
  return counts;
}`),
  wrong: fenced('js', String.raw`
function wordCount(text) {
  const counts = {};
  for (const w of text.split(/\s+/).filter(Boolean)) counts[w] = (counts[w] || 0) + 1;
  return counts;
}`),
  wrongStatus: 'incorrect',
};
