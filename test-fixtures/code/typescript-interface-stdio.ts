import { fenced, type HonestFixture } from './fixture.ts';

/** TypeScript with an interface, on stdio, float tokens: the wrong one parses coordinates with parseInt. */
export const fixture: HonestFixture = {
  task: {
    type: 'code',
    language: 'typescript',
    compare: 'float',
    tests: [
      { input: '0 0 3 4\n', output: '5\n' },
      { input: '0.5 0.5 2 2\n', output: '2.121320343559643\n' },
    ],
  },
  correct: fenced('ts', String.raw`
interface Point { readonly x: number; readonly y: number }
const [x1, y1, x2, y2]: number[] = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(Number);
const distance = (p: Point, q: Point): number => Math.hypot(p.x - q.x, p.y - q.y);
console.log(distance({ x: x1, y: y1 }, { x: x2, y: y2 }));`),
  wrong: fenced('ts', String.raw`
interface Point { readonly x: number; readonly y: number }
const [x1, y1, x2, y2]: number[] = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map((t: string) => parseInt(t, 10));
const distance = (p: Point, q: Point): number => Math.hypot(p.x - q.x, p.y - q.y);
console.log(distance({ x: x1, y: y1 }, { x: x2, y: y2 }));`),
  wrongStatus: 'incorrect',
};
