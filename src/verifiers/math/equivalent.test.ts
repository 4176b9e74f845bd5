import { describe, expect, it } from 'vitest';
import { equivalent } from './equivalent.ts';
import { parseAnswer } from './parse.ts';
import type { MathValue } from './value.ts';

const value = (text: string): MathValue => {
  const parsed = parseAnswer(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.value;
};
const same = (gold: string, prediction: string): boolean => equivalent(value(gold), value(prediction));

describe('equivalent: numbers', () => {
  it('compares rationals exactly, with no absolute epsilon', () => {
    expect(same('\\frac{2}{4}', '0.5')).toBe(true);
    expect(same('1e-7', '2e-7')).toBe(false);
    expect(same('\\frac{1}{200!}', '\\frac{1}{201!}')).toBe(false);
  });

  it('accepts a decimal approximation of an exact gold only with enough digits', () => {
    expect(same('\\frac{1}{3}', '0.333333')).toBe(true);
    expect(same('\\frac{1}{3}', '0.333')).toBe(false);
    expect(same('\\sqrt{2}', '1.41421')).toBe(true);
    expect(same('\\sqrt{2}', '1.41')).toBe(false);
    expect(same('3', '2.99999')).toBe(false);
    expect(same('\\sqrt{2}', '1.41421356237309504880')).toBe(true);
  });

  it('takes the precision from a decimal gold for an exact prediction, and compares two decimals exactly', () => {
    expect(same('33.3', '\\frac{100}{3}')).toBe(true);
    expect(same('0.5', '0.54')).toBe(false);
  });

  it('reads a percent gold as the fraction or the number, and never multiplies a plain gold by 100', () => {
    expect(same('10\\%', '0.1')).toBe(true);
    expect(same('10\\%', '10')).toBe(true);
    expect(same('0.1', '10')).toBe(false);
    expect(same('10', '0.1')).toBe(false);
    expect(same('10', '10\\%')).toBe(true);
  });
});

describe('equivalent: formulas', () => {
  it('proves identities at random points and rejects near misses', () => {
    expect(same('x^2+2x+1', '(x+1)^2')).toBe(true);
    expect(same('\\sin 2x', '2\\sin x\\cos x')).toBe(true);
    expect(same('x^2+2x+1', 'x^2+2x+1.0001')).toBe(false);
    expect(same('2x', '2')).toBe(false);
  });

  it('is deterministic', () => {
    const results = Array.from({ length: 5 }, () => same('\\frac{x^2-4}{x-2}', 'x+2'));
    expect(new Set(results)).toEqual(new Set([true]));
  });
});

describe('equivalent: shapes', () => {
  it('matches sets as multisets and rejects subsets and supersets', () => {
    expect(same('\\{1, 2\\}', '\\{2, 1\\}')).toBe(true);
    expect(same('1, 2', '1')).toBe(false);
    expect(same('1, 2', '1, 2, 2')).toBe(false);
  });

  it('keeps tuples ordered and intervals by endpoints and openness', () => {
    expect(same('(1, 2)', '(2, 1)')).toBe(false);
    expect(same('[1, 2)', '[1, 2]')).toBe(false);
    expect(same('[\\frac12, 2)', '[0.5, 2)')).toBe(true);
    expect(same('(1, 2)', '(1, 2)')).toBe(true);
  });

  it('matches choice letters and text exactly', () => {
    expect(same('B', '(B)')).toBe(true);
    expect(same('B', 'C')).toBe(false);
    expect(same('\\text{Monday}', '\\text{ monday }')).toBe(true);
  });
});

describe('equivalent: unions, relations, matrices', () => {
  it('compares unions in canonical order, merged', () => {
    expect(same('(-\\infty, 0) \\cup (0, \\infty)', '\\mathbb{R} \\setminus \\{0\\}')).toBe(true);
    expect(same('[1, 3]', '[1, 2] \\cup (2, 3]')).toBe(true);
    expect(same('[1, 3]', '[1, 2) \\cup (2, 3]')).toBe(false);
  });

  it('matches an inequality in one variable with its interval, both ways', () => {
    expect(same('(1, 3]', '1 < x \\le 3')).toBe(true);
    expect(same('x \\ge 2', '[2, \\infty)')).toBe(true);
    expect(same('(1, 3]', '1 \\le x \\le 3')).toBe(false);
    expect(same('x < 3', '2x < 6')).toBe(true);
    expect(same('x < 3', '2x > 6')).toBe(false);
  });

  it('matches equations up to a non-zero factor, and a lone-variable equation with its right side', () => {
    expect(same('y = 2x + 1', '2x - y + 1 = 0')).toBe(true);
    expect(same('y = 2x + 1', '2x + 1')).toBe(true);
    expect(same('3', 'x = 3')).toBe(true);
    expect(same('y = 2x + 1', 'x = 2y + 1')).toBe(false);
    expect(same('(1, 2)', 'x = 1, y = 2')).toBe(true);
    expect(same('(1, 2)', 'y = 1, x = 2')).toBe(false);
  });

  it('accepts an answer listing exactly the solutions of a gold equation to solve, each once', () => {
    expect(same('x^2 = 4', 'x = \\pm 2')).toBe(true);
    expect(same('x^2 = 4', 'x = 2 \\text{ or } x = -2')).toBe(true);
    expect(same('x^2 = 4', '\\{-2, 2\\}')).toBe(true);
    expect(same('x^2 - 2 = 0', 'x = \\pm\\sqrt{2}')).toBe(true);
    expect(same('x^3 = x', '-1, 0, 1')).toBe(true);
    expect(same('x^2 = 4', 'x = 2')).toBe(false);
    expect(same('x^2 = 4', '2, 2, -2')).toBe(false);
    expect(same('x^2 = 4', 'y = \\pm 2')).toBe(false);
  });

  it('never accepts an equation still to solve for a solved gold: it may restate the problem', () => {
    expect(same('x = \\pm 2', 'x^2 = 4')).toBe(false);
    expect(same('\\{-2, 2\\}', 'x^2 = 4')).toBe(false);
    expect(same('x = 2', '2x + 3 = 7')).toBe(false);
    expect(same('x = 3', 'x - 3 = 0')).toBe(false);
    expect(same('2x + 3 = 7', 'x = 2')).toBe(true);
  });

  it('compares two equations to solve only up to a constant factor, not by their solution sets', () => {
    expect(same('x^2 = 4', '(x - 2)(x + 2) = 0')).toBe(true);
    expect(same('x^2 = 4', 'x^4 = 16')).toBe(false);
  });

  it('compares matrices by shape and element, and a vector with a tuple', () => {
    expect(same('\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}', '\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}')).toBe(true);
    expect(same('\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}', '\\begin{pmatrix}1&3\\\\2&4\\end{pmatrix}')).toBe(false);
    expect(same('\\begin{pmatrix}1\\\\2\\end{pmatrix}', '(1, 2)')).toBe(true);
    expect(same('\\begin{pmatrix}1\\\\2\\end{pmatrix}', '\\begin{pmatrix}1&2\\end{pmatrix}')).toBe(false);
  });
});

describe('equivalent: complex numbers, huge values, decimal commas', () => {
  it('compares complex numbers on the plane', () => {
    expect(same('-1', 'e^{i\\pi}')).toBe(true);
    expect(same('3+4i', '(2+i)^2')).toBe(true);
    expect(same('3+4i', '3-4i')).toBe(false);
  });

  it('compares values past double range by their logarithms', () => {
    expect(same('\\frac{1}{2004!}', '\\frac{2005}{2005!}')).toBe(true);
    expect(same('\\frac{1}{2004!}', '\\frac{1}{2006!}')).toBe(false);
    expect(same('\\frac{1}{2004!}', '-\\frac{1}{2004!}')).toBe(false);
  });

  it('reads 0,5 as a decimal only against a single number', () => {
    expect(same('0.5', '0,5')).toBe(true);
    expect(same('0, 5', '0,5')).toBe(true);
    expect(same('1.234', '1,234')).toBe(false);
  });
});

