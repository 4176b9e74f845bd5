import { describe, expect, it } from 'vitest';
import { evaluateComplex } from './complex.ts';
import { parseExpression } from './expr.ts';

const at = (text: string, x = Number.NaN) => {
  const expression = parseExpression(text);
  if (expression === null) throw new Error(`not parsed: ${text}`);
  return evaluateComplex(expression.node, new Map([['x', x]]));
};

describe('evaluateComplex', () => {
  it('keeps small integer powers of i exact', () => {
    expect(at('i^2')).toEqual({ re: -1, im: 0 });
    expect(at('(1 + i)^4')).toEqual({ re: -4, im: 0 });
  });

  it('takes principal values of roots, logarithms and powers', () => {
    expect(at('sqrt(-4)')).toEqual({ re: 0, im: 2 });
    const euler = at('e^(i pi)');
    expect(euler.re).toBeCloseTo(-1, 15);
    expect(euler.im).toBeCloseTo(0, 15);
    expect(at('ln(-1)').im).toBeCloseTo(Math.PI, 15);
  });

  it('evaluates free variables at real values, and is undefined where a real-only function meets i', () => {
    expect(at('(x + i)(x - i)', 2)).toEqual({ re: 5, im: 0 });
    expect(at('floor(i)').re).toBeNaN();
  });
});
