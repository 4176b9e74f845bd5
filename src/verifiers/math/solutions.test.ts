import { describe, expect, it } from 'vitest';
import { parseAnswer } from './parse.ts';
import { isSolved, listedSolutions, solutionSet } from './solutions.ts';
import type { MathValue } from './value.ts';

type RelationValue = Extract<MathValue, { kind: 'relation' }>;

const value = (text: string): MathValue => {
  const parsed = parseAnswer(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.value;
};
const relation = (text: string): RelationValue => {
  const v = value(text);
  if (v.kind !== 'relation') throw new Error(`${text} is a ${v.kind}`);
  return v;
};
/** Roots as short strings: `n/d` when exact, the double otherwise, `re±im i` when complex. */
const roots = (text: string): string[] | null =>
  solutionSet(relation(text))?.roots.map((r) => {
    if (r.kind === 'complex') return `${r.re}${r.im < 0 ? '-' : '+'}${Math.abs(r.im)}i`;
    if (r.kind !== 'number') return r.kind;
    return r.exact === null ? r.approx.toPrecision(12) : `${r.exact.num}/${r.exact.den}`;
  }) ?? null;

describe('solutionSet', () => {
  it('solves linear and quadratic equations in closed form: rational roots exact, surds as doubles, a negative discriminant as the complex pair', () => {
    expect(roots('\\frac{x}{2} + \\frac{1}{3} = 1')).toEqual(['4/3']);
    expect(roots('x^2 - 5x + 6 = 0')).toEqual(['2/1', '3/1']);
    expect(roots('4x^2 - 4x + 1 = 0')).toEqual(['1/2']);
    expect(roots('x^2 = 2')).toEqual(['-1.41421356237', '1.41421356237']);
    expect(roots('x^2 + 2x + 2 = 0')).toEqual(['-1+1i', '-1-1i']);
  });

  it('finds each distinct real root of a higher degree once, exactly when rational', () => {
    expect(roots('x^3 = x')).toEqual(['-1/1', '0/1', '1/1']);
    expect(roots('6x^3 - 11x^2 + 6x - 1 = 0')).toEqual(['1/3', '1/2', '1/1']);
    expect(roots('(x - 1)^2 (x + 2) = 0')).toEqual(['-2/1', '1/1']);
    expect(roots('x^3 - 2 = 0')).toEqual(['1.25992104989']);
    expect(roots('x^4 + 1 = 0')).toEqual([]);
  });

  it('separates roots a billionth apart', () => {
    const close = [0, 1, 2, 3, 4, 5].map((k) => `(x - 1.00000000${k})`).join('');
    expect(roots(`${close} = 0`)).toEqual([0, 1, 2, 3, 4, 5].map((k) => (1 + k * 1e-9).toPrecision(12)));
  });

  it('does not solve what it cannot solve exactly: two variables, irrational coefficients, a degree above 6, a solved equation', () => {
    expect(roots('y = 2x + 1')).toBeNull();
    expect(roots('x^2 = \\pi')).toBeNull();
    expect(roots('x^7 = 1')).toBeNull();
    expect(roots('x = 3')).toBeNull();
    expect(roots('\\sin x = 0')).toBeNull();
  });
});

describe('isSolved and listedSolutions', () => {
  it('calls an equation solved when a lone variable equals constants', () => {
    expect(isSolved(relation('x = 3'))).toBe(true);
    expect(isSolved(relation('x = \\pm 2'))).toBe(true);
    expect(isSolved(relation('x = x^2 - 2'))).toBe(false);
    expect(isSolved(relation('x - 3 = 0'))).toBe(false);
  });

  it('lists values, sets, and equations of the variable (with subscripts), and nothing else', () => {
    expect(listedSolutions(value('x = \\pm 2'), 'x')?.length).toBe(2);
    expect(listedSolutions(value('x_1 = 2, x_{2} = -2'), 'x')?.length).toBe(2);
    expect(listedSolutions(value('\\theta = \\pi'), 'theta')?.length).toBe(1);
    expect(listedSolutions(value('y = 2'), 'x')).toBeNull();
    expect(listedSolutions(value('x^2 = 4'), 'x')).toBeNull();
    expect(listedSolutions(value('2x'), 'x')).toBeNull();
  });
});
