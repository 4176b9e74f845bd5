import { describe, expect, it } from 'vitest';
import { proportional, sameFunction } from './identity.ts';
import { parseAnswer } from './parse.ts';
import type { MathValue } from './value.ts';

const value = (text: string): MathValue => {
  const parsed = parseAnswer(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.value;
};

describe('sameFunction', () => {
  it('proves identities whose gold is 0 despite float noise, and still rejects tiny real differences', () => {
    expect(sameFunction(value('0'), value('\\sin^2 x + \\cos^2 x - 1'))).toBe(true);
    expect(sameFunction(value('\\tan x - \\frac{\\sin x}{\\cos x}'), value('0'))).toBe(true);
    expect(sameFunction(value('0'), value('\\sin^2 x + \\cos^2 x - 1 + 10^{-9}'))).toBe(false);
  });

  it('forgives noise only up to a bound: a cancellation that loses everything decides "different"', () => {
    expect(sameFunction(value('3'), value('(10^{20} + \\sqrt{2}) - 10^{20}'))).toBe(false);
    expect(sameFunction(value('3'), value('x - x + 3 + \\sin(10^{300}) \\cdot 0'))).toBe(true);
  });

  it('compares polynomials and rational functions exactly at rational points', () => {
    expect(sameFunction(value('x^{20}'), value('(x^{10})^2'))).toBe(true);
    expect(sameFunction(value('x^{20}'), value('x^{20} + 10^{-30}'))).toBe(false);
  });

  it('evaluates formulas with the imaginary unit on complex numbers', () => {
    expect(sameFunction(value('x^2 + 1'), value('(x + i)(x - i)'))).toBe(true);
    expect(sameFunction(value('x^2 + 1'), value('(x + i)^2'))).toBe(false);
  });

  it('asks nerdamer when too few points are in both domains, and accepts only what it proves', () => {
    expect(sameFunction(value('\\sqrt{-x}'), value('\\sqrt{-x}'))).toBe(true);
    expect(sameFunction(value('\\frac{1}{\\sqrt{x-4}}'), value('\\frac{\\sqrt{x-4}}{x-4}'))).toBe(true);
    expect(sameFunction(value('\\sqrt{-x}'), value('\\sqrt{x}'))).toBe(false);
    expect(sameFunction(value('\\ln(x-5)'), value('\\ln(5-x)'))).toBe(false);
  });
});

describe('proportional', () => {
  const sides = (text: string): [MathValue, MathValue] => {
    const v = value(text);
    if (v.kind !== 'relation') throw new Error(`not a relation: ${text}`);
    return [v.lhs, v.rhs];
  };

  it('accepts a rearranged or scaled equation and rejects a different one', () => {
    expect(proportional(sides('y = 2x + 1'), sides('2x - y + 1 = 0'), false)).toBe(true);
    expect(proportional(sides('y = 2x + 1'), sides('4x - 2y = -2'), false)).toBe(true);
    expect(proportional(sides('y = 2x + 1'), sides('2x - y - 1 = 0'), false)).toBe(false);
  });

  it('requires a positive factor for inequalities', () => {
    expect(proportional(sides('x + y \\le 3'), sides('2x + 2y \\le 6'), true)).toBe(true);
    expect(proportional(sides('x + y \\le 3'), sides('-x - y \\le -3'), true)).toBe(false);
  });
});
