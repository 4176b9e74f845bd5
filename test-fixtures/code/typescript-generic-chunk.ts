import { fenced, type HonestFixture } from './fixture.ts';

/** TypeScript with generics and an ES export, transpiled on the host; the wrong one drops the last partial chunk. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'typescript',
    tests: [
      { call: 'chunk', args: [[1, 2, 3, 4, 5], 2], expected: [[1, 2], [3, 4], [5]] },
      { call: 'chunk', args: [[], 3], expected: [] },
    ],
  },
  correct: fenced('ts', String.raw`
export function chunk<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}`),
  wrong: fenced('typescript', String.raw`
export function chunk<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i + size <= xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}`),
  wrongStatus: 'incorrect',
};
