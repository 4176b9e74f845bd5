import { describe, expect, it } from 'vitest';
import { parseExpression } from './expr.ts';
import { evaluateLn, lnFactorial } from './magnitude.ts';

const ln = (text: string) => {
  const expression = parseExpression(text);
  if (expression === null) throw new Error(`not parsed: ${text}`);
  return evaluateLn(expression.node);
};

const sumOfLogs = (n: number): number => {
  let r = 0;
  for (let k = 2; k <= n; k++) r += Math.log(k);
  return r;
};

describe('lnFactorial', () => {
  it('agrees with the sum of logarithms on both sides of 170', () => {
    expect(lnFactorial(100)).toBeCloseTo(sumOfLogs(100), 10);
    expect(lnFactorial(2004)).toBeCloseTo(sumOfLogs(2004), 8);
  });
});

describe('evaluateLn', () => {
  it('gives the sign and logarithm of values past double range', () => {
    expect(ln('-1/2004!')).toEqual({ negative: true, lnAbs: -lnFactorial(2004) });
    expect(ln('combinations(3000, 1500)')?.lnAbs).toBeCloseTo(lnFactorial(3000) - 2 * lnFactorial(1500), 9);
    expect(ln('sqrt(2004!)')?.lnAbs).toBeCloseTo(lnFactorial(2004) / 2, 9);
  });

  it('adds terms of different sizes, and gives up when they cancel', () => {
    expect(ln('2004! + 2003!')?.lnAbs).toBeCloseTo(lnFactorial(2003) + Math.log(2005), 8);
    expect(ln('2004! - 2004!')).toBeNull();
  });

  it('has no value for undefined forms', () => {
    expect(ln('sqrt(-2004!)')).toBeNull();
    expect(ln('1/0')).toBeNull();
  });
});
