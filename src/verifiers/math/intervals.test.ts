import { describe, expect, it } from 'vitest';
import { complementOf, differenceOf, intersectionOf, unionOf } from './intervals.ts';
import { parseAnswer } from './parse.ts';
import type { MathValue } from './value.ts';

const value = (text: string): MathValue => {
  const parsed = parseAnswer(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.value;
};
/** Endpoints and openness only, for readable expectations. */
const shape = (v: MathValue | null): unknown => {
  if (v === null) return null;
  if (v.kind === 'interval') return `${v.lowClosed ? '[' : '('}${shape(v.low)},${shape(v.high)}${v.highClosed ? ']' : ')'}`;
  if (v.kind === 'union') return v.parts.map(shape);
  if (v.kind === 'set') return { set: v.items.map(shape) };
  if (v.kind === 'number') return v.approx;
  return v.kind;
};

describe('unionOf', () => {
  it('sorts and merges touching pieces, keeping a gap at a point both leave open', () => {
    expect(shape(unionOf([value('(2, 3]'), value('[1, 2]')]))).toBe('[1,3]');
    expect(shape(unionOf([value('[1, 2)'), value('(2, 3]')]))).toEqual(['[1,2)', '(2,3]']);
    expect(shape(unionOf([value('[0, 5]'), value('(1, 2)')]))).toBe('[0,5]');
  });

  it('absorbs points into intervals and keeps a union of points a set', () => {
    expect(shape(unionOf([value('[0, 1)'), value('\\{1\\}')]))).toBe('[0,1]');
    expect(shape(unionOf([value('\\{2\\}'), value('\\{1\\}')]))).toEqual({ set: [1, 2] });
  });

  it('leaves a union with a symbolic endpoint as written', () => {
    expect(unionOf([value('[0, a)'), value('[1, 2]')])).toMatchObject({ kind: 'union', parts: [{ kind: 'interval', high: { kind: 'expression' } }, { kind: 'interval' }] });
  });
});

describe('intersectionOf, differenceOf, complementOf', () => {
  it('computes intersections and differences of intervals', () => {
    expect(shape(intersectionOf(value('(0, 2)'), value('[1, 3)')))).toBe('[1,2)');
    expect(shape(intersectionOf(value('(0, 1)'), value('(1, 2)')))).toEqual({ set: [] });
    expect(shape(differenceOf(value('[0, 2]'), value('\\{1\\}')))).toEqual(['[0,1)', '(1,2]']);
  });

  it('complements within the real line', () => {
    expect(shape(complementOf([value('[1, 1]')]))).toEqual(['(-Infinity,1)', '(1,Infinity)']);
  });
});
