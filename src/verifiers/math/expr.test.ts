import { describe, expect, it } from 'vitest';
import { MAX_EXPRESSION_NODES, TooLarge, evaluate, evaluateExact, parseExpression } from './expr.ts';

const parse = (text: string) => {
  const expression = parseExpression(text);
  if (expression === null) throw new Error(`not parsed: ${text}`);
  return expression;
};

describe('parseExpression', () => {
  it('finds the free variables, splitting implicit products', () => {
    expect(parse('2 xy + pi').symbols).toEqual(['x', 'y']);
    expect(parse('n(n+1)').symbols).toEqual(['n']);
  });

  it('never evaluates model text as code: assignments, function definitions, imports and units are not formulas', () => {
    expect(parseExpression('x = 3')).toBeNull();
    expect(parseExpression('f(x) = x')).toBeNull();
    expect(parseExpression('import({}, {})')).toBeNull();
    expect(parseExpression('createUnit("foo")')).toBeNull();
    expect(parseExpression('[1, 2][1]')).toBeNull();
    expect(parseExpression('"text"')).toBeNull();
  });

  it('refuses power towers, huge factorials and huge trees before evaluating', () => {
    expect(() => parseExpression('2^2^2^2')).toThrow(TooLarge);
    expect(() => parseExpression('(10^7)!')).toThrow(TooLarge);
    expect(() => parseExpression(Array.from({ length: MAX_EXPRESSION_NODES }, () => '1').join('+'))).toThrow(TooLarge);
  });
});

describe('evaluate', () => {
  it('evaluates on doubles with the given scope', () => {
    expect(evaluate(parse('x^2 + sqrt(4)').node, new Map([['x', 3]]))).toBe(11);
    expect(evaluate(parse('nthRoot(-8, 3)').node, new Map())).toBe(-2);
    expect(evaluate(parse('y').node, new Map())).toBeNaN();
  });
});

describe('evaluateExact', () => {
  it('is exact on rationals, integer powers and small factorials', () => {
    expect(evaluateExact(parse('(1/2 + 1/3)^2').node)).toEqual({ num: 25n, den: 36n });
    expect(evaluateExact(parse('1/(5!)').node)).toEqual({ num: 1n, den: 120n });
  });

  it('has no exact value for irrationals or oversized results', () => {
    expect(evaluateExact(parse('sqrt(2)').node)).toBeNull();
    expect(evaluateExact(parse('2^65536').node)).toBeNull();
  });
});
