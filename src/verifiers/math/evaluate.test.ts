import { describe, expect, it } from 'vitest';
import { evaluate, evaluateExact, factorial, type Magnitude } from './evaluate.ts';
import { parseExpression } from './expr.ts';
import { rational } from './rational.ts';

const node = (text: string) => {
  const expression = parseExpression(text);
  if (expression === null) throw new Error(`not parsed: ${text}`);
  return expression.node;
};

describe('evaluate', () => {
  it('evaluates on doubles with the given scope', () => {
    expect(evaluate(node('x^2 + sqrt(4)'), new Map([['x', 3]]))).toBe(11);
    expect(evaluate(node('nthRoot(-8, 3)'), new Map())).toBe(-2);
    expect(evaluate(node('y'), new Map())).toBeNaN();
  });

  it('evaluates absolute values, floors, ceilings, mod and list functions', () => {
    expect(evaluate(node('abs(-5) + floor(-3.5) + ceil(2.1)'), new Map())).toBe(4);
    expect(evaluate(node('17 mod 5'), new Map())).toBe(2);
    expect(evaluate(node('gcd(12, 18) + lcm(4, 6) + max(1, 7, 3) - min(2, 5)'), new Map())).toBe(23);
    expect(evaluate(node('gcd(1.5, 3)'), new Map())).toBeNaN();
  });

  it('keeps the largest intermediate value, which bounds cancellation noise', () => {
    const size: Magnitude = { largest: 0 };
    evaluate(node('1e8 + 1 - 1e8'), new Map(), size);
    expect(size.largest).toBeGreaterThanOrEqual(1e8);
  });
});

describe('factorial', () => {
  it('is exact on small integers, infinite past 170, undefined on negative integers', () => {
    expect(factorial(5)).toBe(120);
    expect(factorial(171)).toBe(Infinity);
    expect(factorial(-1)).toBeNaN();
  });

  it('is Γ(n + 1) between the integers, so n! = n (n - 1)! holds at any real n', () => {
    expect(factorial(0.5)).toBeCloseTo(Math.sqrt(Math.PI) / 2, 13);
    expect(factorial(2.37) / factorial(1.37)).toBeCloseTo(2.37, 12);
  });
});

describe('evaluateExact', () => {
  it('is exact on rationals, integer powers and small factorials', () => {
    expect(evaluateExact(node('(1/2 + 1/3)^2'))).toEqual({ num: 25n, den: 36n });
    expect(evaluateExact(node('1/(5!)'))).toEqual({ num: 1n, den: 120n });
  });

  it('is exact on absolute values, floors, ceilings, mod, binomials and list functions', () => {
    expect(evaluateExact(node('abs(-7/2) + floor(-7/2) + ceil(7/2)'))).toEqual({ num: 7n, den: 2n });
    expect(evaluateExact(node('gcd(12, 18) * lcm(4, 6)'))).toEqual({ num: 72n, den: 1n });
    expect(evaluateExact(node('max(1/3, 1/2) - min(1/3, 1/2)'))).toEqual({ num: 1n, den: 6n });
    expect(evaluateExact(node('combinations(10, 3) + (-7 mod 3)'))).toEqual({ num: 122n, den: 1n });
  });

  it('evaluates free variables at the rational values given', () => {
    expect(evaluateExact(node('x^2 + 1/x'), new Map([['x', rational(3n, 2n)!]]))).toEqual({ num: 35n, den: 12n });
    expect(evaluateExact(node('x + y'), new Map([['x', rational(1n, 1n)!]]))).toBeNull();
  });

  it('has no exact value for irrationals or oversized results', () => {
    expect(evaluateExact(node('sqrt(2)'))).toBeNull();
    expect(evaluateExact(node('2^65536'))).toBeNull();
    expect(evaluateExact(node('251!'))).toBeNull();
  });
});
