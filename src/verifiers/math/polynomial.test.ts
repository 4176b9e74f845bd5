import { describe, expect, it } from 'vitest';
import { parseAnswer } from './parse.ts';
import { polynomialOf, squareFree, sturm, type Polynomial } from './polynomial.ts';
import type { MathValue } from './value.ts';

const value = (text: string): MathValue => {
  const parsed = parseAnswer(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.value;
};
const show = (p: Polynomial | null): string[] | null => p?.map((c) => (c.den === 1n ? `${c.num}` : `${c.num}/${c.den}`)) ?? null;
const of = (lhs: string, rhs: string): Polynomial | null => polynomialOf(value(lhs), value(rhs), 'x');

describe('polynomialOf', () => {
  it('reads lhs - rhs as exact coefficients, lowest power first', () => {
    expect(show(of('x^2', '4'))).toEqual(['-4', '0', '1']);
    expect(show(of('\\frac{(x+1)^2}{2}', 'x'))).toEqual(['1/2', '0', '1/2']);
    expect(show(of('(x - 1)(x + 1)', 'x^2 - 1'))).toEqual([]);
  });

  it('refuses other variables, functions of the variable, irrational coefficients, division by the variable and degrees above 6', () => {
    expect(of('x y', '1')).toBeNull();
    expect(of('\\sin x', '0')).toBeNull();
    expect(of('\\sqrt{2} x', '1')).toBeNull();
    expect(of('\\frac{1}{x}', '2')).toBeNull();
    expect(of('x^7', '1')).toBeNull();
    expect(of('(x^2 + 1)^4', '1')).toBeNull();
  });
});

describe('squareFree and sturm', () => {
  it('keeps each root once, and builds a Sturm chain down to a constant', () => {
    expect(show(squareFree(of('(x - 1)^2 (x + 2)', '0') as Polynomial))).toEqual(['-2', '1', '1']);
    expect(sturm(of('x^3 - x', '0') as Polynomial)?.map((p) => p.length - 1)).toEqual([3, 2, 1, 0]);
  });
});
