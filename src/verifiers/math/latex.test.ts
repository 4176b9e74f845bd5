import { describe, expect, it } from 'vitest';
import { cleanLatex, toPlain } from './latex.ts';

/** Runs of spaces as one: how many a rewrite leaves does not matter. */
const squash = (s: string): string => s.replace(/\s+/g, ' ');

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
    expect(squash(cleanLatex('x ≤ 3 ∪ ⌊2.5⌋'))).toBe('x <= 3 \\cup \\lfloor 2.5\\rfloor');
  });

  it('spells relations one way, marks matrix rows and absolute bars, and turns "or"/"and" into operators', () => {
    expect(squash(cleanLatex('1 \\leq x \\lt 3'))).toBe('1 <= x < 3');
    expect(squash(cleanLatex('a & b \\\\ c & d'))).toBe('a & b \\cr c & d');
    expect(squash(cleanLatex('\\left| x \\right|'))).toBe('\\lvert x \\rvert');
    expect(squash(cleanLatex('x<1 \\text{ or } x>2'))).toBe('x<1 \\lor x>2');
    expect(cleanLatex('\\operatorname{lcm}(4, 6)')).toBe('\\lcm(4, 6)');
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
    expect(toPlain('\\log_2 8')).toBe(' (ln(8)/ln(2))');
  });

  it('rewrites absolute values, floors, ceilings and list functions', () => {
    expect(toPlain('|x|+2|y|')).toBe(' abs(x)+2 abs(y)');
    expect(toPlain('\\lfloor x \\rfloor')).toBe(' floor( x )');
    expect(toPlain('\\max\\{a, b\\}')).toBe(' max(a, b)');
    expect(toPlain('|x')).toBeNull();
  });

  it('refuses a command it does not know', () => {
    expect(toPlain('\\int_0^1 x dx')).toBeNull();
  });
});
