import { describe, expect, it } from 'vitest';
import { parseAnswer } from './parse.ts';
import { splitRelations } from './parse-relations.ts';
import type { MathValue } from './value.ts';

const value = (text: string): MathValue => {
  const parsed = parseAnswer(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.value;
};

describe('splitRelations', () => {
  it('splits at relation symbols outside brackets only', () => {
    expect(splitRelations('1 < x <= 3')).toEqual({ parts: ['1', 'x', '3'], operators: ['<', '<='] });
    expect(splitRelations('f(x=1) = 2')).toEqual({ parts: ['f(x=1)', '2'], operators: ['='] });
    expect(splitRelations('x \\in [0, 1]')).toEqual({ parts: ['x', '[0, 1]'], operators: ['in'] });
    expect(splitRelations('\\int x')).toEqual({ parts: ['\\int x'], operators: [] });
  });
});

describe('relations', () => {
  it('reads an inequality in a lone variable as its interval, either way round', () => {
    expect(value('1 < x \\le 3')).toMatchObject({ kind: 'interval', low: { approx: 1 }, high: { approx: 3 }, lowClosed: false, highClosed: true });
    expect(value('3 \\ge x > 1')).toMatchObject({ kind: 'interval', low: { approx: 1 }, high: { approx: 3 }, lowClosed: false, highClosed: true });
    expect(value('x \\geq 2')).toMatchObject({ kind: 'interval', low: { approx: 2 }, high: { approx: Infinity }, lowClosed: true });
  });

  it('keeps other inequalities and equations as relations, with the lone variable named', () => {
    expect(value('x + y \\le 3')).toMatchObject({ kind: 'relation', relation: '<=', symbol: null });
    expect(value('y = 2x + 1')).toMatchObject({ kind: 'relation', relation: '=', symbol: 'y', rhs: { kind: 'expression' } });
    expect(value('3 = x')).toMatchObject({ kind: 'relation', symbol: 'x', rhs: { kind: 'number', approx: 3 } });
    expect(value('f(x) = x^2')).toMatchObject({ kind: 'relation', symbol: 'f(x)' });
  });

  it('keeps the final value of a chain and of a constant equation', () => {
    expect(value('\\frac{6}{4} = \\frac{3}{2} = 1.5')).toMatchObject({ kind: 'number', approx: 1.5 });
    expect(value('x = 2 \\cdot 3 = 6')).toMatchObject({ kind: 'relation', symbol: 'x', rhs: { approx: 6 } });
  });

  it('reads membership and "not equal"', () => {
    expect(value('x \\in [1, 2)')).toMatchObject({ kind: 'interval', lowClosed: true, highClosed: false });
    expect(value('x \\neq 3')).toMatchObject({ kind: 'union', parts: [{ high: { approx: 3 } }, { low: { approx: 3 } }] });
  });

  it('leaves mixed directions and unreadable relations as text', () => {
    expect(value('1 < x > 3')).toMatchObject({ kind: 'text' });
    expect(value('x = ')).toMatchObject({ kind: 'text' });
  });
});
