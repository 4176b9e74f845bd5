import { describe, expect, it } from 'vitest';
import { parseAnswer } from './parse.ts';
import type { MathValue } from './value.ts';

const value = (text: string): MathValue => {
  const parsed = parseAnswer(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.value;
};

describe('parseAnswer: numbers', () => {
  it('reads integers, thousands separators and decimals exactly, remembering the decimal form', () => {
    expect(value('1,234')).toMatchObject({ kind: 'number', exact: { num: 1234n, den: 1n }, decimal: null });
    expect(value('-0.50')).toMatchObject({ kind: 'number', exact: { num: -1n, den: 2n }, decimal: { decimals: 2, significant: 2 } });
    expect(value('3\\times 10^{8}')).toMatchObject({ kind: 'number', exact: { num: 300_000_000n, den: 1n } });
  });

  it('reads fractions, mixed numbers and percentages exactly', () => {
    expect(value('\\tfrac{6}{4}')).toMatchObject({ exact: { num: 3n, den: 2n } });
    expect(value('\\frac12')).toMatchObject({ exact: { num: 1n, den: 2n } });
    expect(value('-2\\frac{1}{4}')).toMatchObject({ exact: { num: -9n, den: 4n } });
    expect(value('10\\%')).toMatchObject({ kind: 'number', exact: { num: 10n, den: 1n }, percent: true });
  });

  it('evaluates roots and π to a number without an exact value', () => {
    expect(value('2\\sqrt{2}')).toMatchObject({ kind: 'number', exact: null, approx: 2 * Math.SQRT2 });
    expect(value('\\pi')).toMatchObject({ kind: 'number', exact: null, approx: Math.PI });
  });
});

describe('parseAnswer: shapes', () => {
  it('reads tuples, sets, answer lists and intervals', () => {
    expect(value('(1, 2)')).toMatchObject({ kind: 'tuple', pair: true });
    expect(value('\\{1, 2, 3\\}')).toMatchObject({ kind: 'set' });
    expect(value('1, 2')).toMatchObject({ kind: 'set' });
    expect(value('[1, 2)')).toMatchObject({ kind: 'interval', lowClosed: true, highClosed: false });
    expect(value('(-\\infty, 0]')).toMatchObject({ kind: 'interval', low: { approx: -Infinity } });
  });

  it('reads x = 3 as an equation of a lone variable, and ± as a pair of values', () => {
    expect(value('x = 3')).toMatchObject({ kind: 'relation', relation: '=', symbol: 'x', rhs: { kind: 'number', exact: { num: 3n, den: 1n } } });
    expect(value('x = \\pm 2')).toMatchObject({ kind: 'relation', rhs: { kind: 'set', items: [{ approx: 2 }, { approx: -2 }] } });
  });

  it('reads choice letters, formulas and text', () => {
    expect(value('(C)')).toEqual({ kind: 'choice', letter: 'C' });
    expect(value('x^2 + 1')).toMatchObject({ kind: 'expression', expression: { symbols: ['x'] } });
    expect(value('\\text{Monday}')).toEqual({ kind: 'text', text: 'monday' });
  });
});

describe('parseAnswer: more shapes', () => {
  it('reads matrices, and leaves a determinant or ragged rows as text', () => {
    expect(value('\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}')).toMatchObject({ kind: 'matrix', rows: [[{ approx: 1 }, { approx: 2 }], [{ approx: 3 }, { approx: 4 }]] });
    expect(value('\\left(\\begin{array}{cc} 1 & 0 \\\\ 0 & 1 \\end{array}\\right)')).toMatchObject({ kind: 'matrix' });
    expect(value('\\begin{vmatrix} 1 & 2 \\\\ 3 & 4 \\end{vmatrix}')).toMatchObject({ kind: 'text' });
    expect(value('\\begin{pmatrix} 1 & 2 \\\\ 3 \\end{pmatrix}')).toMatchObject({ kind: 'text' });
  });

  it('reads unions, set operations, the reals, the empty set and set-builder notation', () => {
    expect(value('[2, 3] \\cup [1, 2)')).toMatchObject({ kind: 'interval', low: { approx: 1 }, high: { approx: 3 } });
    expect(value('\\mathbb{R}')).toMatchObject({ kind: 'interval', low: { approx: -Infinity }, high: { approx: Infinity } });
    expect(value('\\emptyset')).toEqual({ kind: 'set', items: [] });
    expect(value('\\{x \\mid x > 2\\}')).toMatchObject({ kind: 'interval', low: { approx: 2 }, lowClosed: false });
    expect(value('1 \\text{ and } 2')).toMatchObject({ kind: 'set', items: [{ approx: 1 }, { approx: 2 }] });
  });

  it('reads complex numbers, repeating decimals and values past double range', () => {
    expect(value('3 + 4i')).toMatchObject({ kind: 'complex', re: 3, im: 4 });
    expect(value('\\sqrt{-4}')).toMatchObject({ kind: 'complex', re: 0, im: 2 });
    expect(value('0.1\\overline{6}')).toMatchObject({ kind: 'number', exact: { num: 1n, den: 6n } });
    expect(value('\\frac{1}{2004!}')).toMatchObject({ kind: 'magnitude', negative: false });
  });

  it('keeps the decimal-comma reading of 0,5 beside the list reading', () => {
    expect(value('0,5')).toMatchObject({ kind: 'set', items: [{ approx: 0 }, { approx: 5 }], commaDecimal: { approx: 0.5 } });
    expect(value('1,234')).toMatchObject({ kind: 'number', approx: 1234 });
  });

  it('gives float results a noise bound from their largest intermediate value', () => {
    const v = value('\\sin^2 1 + \\cos^2 1 - 1');
    expect(v).toMatchObject({ kind: 'number', exact: null });
    expect(v.kind === 'number' && Math.abs(v.approx) <= v.noise).toBe(true);
  });
});

describe('parseAnswer: refusals', () => {
  it('reports an empty answer', () => {
    expect(parseAnswer('$ $')).toEqual({ ok: false, reason: 'empty', detail: 'empty answer' });
  });

  it('refuses pathological answers as too large', () => {
    expect(parseAnswer('2^{2^{2^{2}}}')).toMatchObject({ ok: false, reason: 'too_large' });
    expect(parseAnswer('2^{65536}')).toMatchObject({ ok: false, reason: 'too_large' });
    expect(parseAnswer('9'.repeat(5000))).toMatchObject({ ok: false, reason: 'too_large' });
  });
});
