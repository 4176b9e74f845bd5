import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { MAX_EXPRESSION_NODES, TooLarge, hasBareLog, parseExpression } from './expr.ts';

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

  it('marks the imaginary unit instead of treating it as a variable', () => {
    expect(parse('3 + 4 i')).toMatchObject({ symbols: [], imaginary: true });
    expect(parse('x + 1')).toMatchObject({ symbols: ['x'], imaginary: false });
  });

  it('reads a bare log with the given convention, and ln and log10 as written', () => {
    expect(evaluate(parse('log(100)').node, new Map())).toBeCloseTo(Math.log(100), 12);
    expect(evaluate(parseExpression('log(100)', '10')!.node, new Map())).toBe(2);
    expect(evaluate(parseExpression('ln(e) + log10(1000)', '10')!.node, new Map())).toBe(4);
    expect(hasBareLog('\\log 2')).toBe(true);
    expect(hasBareLog('\\log_{2} 8 + \\ln 3')).toBe(false);
  });

  it('accepts gcd, lcm, min and max of lists and checks the arity of other functions', () => {
    expect(parse('gcd(12, 18, 30)').symbols).toEqual([]);
    expect(parseExpression('sin(1, 2)')).toBeNull();
    expect(parseExpression('nthRoot(8)')).toBeNull();
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
    expect(() => parseExpression('100001!')).toThrow(TooLarge);
    expect(parseExpression('100000!')).not.toBeNull();
    expect(() => parseExpression(Array.from({ length: MAX_EXPRESSION_NODES }, () => '1').join('+'))).toThrow(TooLarge);
  });
});
