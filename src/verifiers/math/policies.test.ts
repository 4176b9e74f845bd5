import { describe, expect, it } from 'vitest';
import { cleanLatex } from './latex.ts';
import { parseAnswer } from './parse.ts';
import { hasUnreducedFraction, lineNotation, radianReading } from './policies.ts';
import type { MathValue } from './value.ts';

const value = (text: string): MathValue => {
  const parsed = parseAnswer(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.value;
};
const unreduced = (text: string): boolean => hasUnreducedFraction(cleanLatex(text));
const notation = (text: string) => lineNotation(cleanLatex(text), value(text));

describe('hasUnreducedFraction', () => {
  it('finds fractions of integers with a common factor or a denominator of 1, in LaTeX or with a slash', () => {
    for (const text of ['\\frac{2}{4}', '\\dfrac24', '\\frac{-6}{3}', '\\frac{4}{1}', '\\frac{0}{5}', '2/4', '3\\frac{2}{4}', '(\\frac{2}{4}, 1)', '\\frac{2}{4}x']) {
      expect(unreduced(text), text).toBe(true);
    }
  });

  it('passes reduced and improper fractions, decimals, exponents and fractions of formulas', () => {
    for (const text of ['\\frac{1}{2}', '\\frac{7}{2}', '-\\frac{2}{3}', '0.5', 'x^2/4', '2/3^2', '\\frac{\\sqrt{8}}{2}', '\\frac{x}{2}', '12/5']) {
      expect(unreduced(text), text).toBe(false);
    }
  });
});

describe('lineNotation', () => {
  it('tells inequality notation from interval notation', () => {
    expect(notation('1 < x \\le 3')).toBe('inequality');
    expect(notation('x < -1 \\text{ or } x > 2')).toBe('inequality');
    expect(notation('2x > 6')).toBe('inequality');
    expect(notation('x \\ne 3')).toBe('inequality');
    expect(notation('(1, 3]')).toBe('interval');
    expect(notation('(2, \\infty)')).toBe('interval');
    expect(notation('x \\in [1, 2)')).toBe('interval');
    expect(notation('\\{x \\mid x > 2\\}')).toBe('interval');
    expect(notation('[1, 2] \\cup (3, 4)')).toBe('interval');
    expect(notation('3')).toBe('other');
  });
});

describe('radianReading', () => {
  it('reads a single number with a degree mark as radians', () => {
    for (const text of ['60^\\circ', '60^{\\circ}', '60°', '60\\degree', '60 degrees', '60\\text{ degrees}']) {
      expect(radianReading(text, value(text))?.approx, text).toBeCloseTo(Math.PI / 3, 12);
    }
  });

  it('has no radian reading without a mark, or for anything but a number', () => {
    expect(radianReading('60', value('60'))).toBeNull();
    expect(radianReading('(30^\\circ, 60^\\circ)', value('(30^\\circ, 60^\\circ)'))).toBeNull();
  });
});
