import { describe, expect, it } from 'vitest';
import { cleanLatex, toPlain } from './latex.ts';

describe('cleanLatex', () => {
  it('strips delimiters, sizing, spacing, degrees, units and a trailing period', () => {
    expect(cleanLatex('$\\dfrac{1}{2}\\text{ cm}$.')).toBe('\\frac{1}{2}');
    expect(cleanLatex('\\(\\left( 3 \\right)\\)')).toBe('( 3 )');
    expect(cleanLatex('90^{\\circ}')).toBe('90');
    expect(cleanLatex('12 dollars')).toBe('12');
    expect(cleanLatex('1{,}234')).toBe('1,234');
  });

  it('maps unicode math to LaTeX', () => {
    expect(cleanLatex('−2×√3')).toBe('-2*\\sqrt3');
  });

  it('keeps a text answer', () => {
    expect(cleanLatex('\\text{Monday}')).toBe('\\text{Monday}');
  });
});

describe('toPlain', () => {
  it('rewrites fractions, roots and braces', () => {
    expect(toPlain('2\\sqrt{3}+\\frac12')).toBe('2sqrt((3))+((1)/(2))');
    expect(toPlain('\\sqrt[3]{8}')).toBe('nthRoot((8),(3))');
    expect(toPlain('x^{2}')).toBe('x^(2)');
  });

  it('gives functions their argument, power and base', () => {
    expect(toPlain('\\sin 2x')).toBe(' sin(2x)');
    expect(toPlain('\\sin^2 x')).toBe(' (sin(x))^(2)');
    expect(toPlain('\\log_2 8')).toBe(' (log(8)/log(2))');
  });

  it('refuses a command it does not know', () => {
    expect(toPlain('\\int_0^1 x dx')).toBeNull();
  });
});
