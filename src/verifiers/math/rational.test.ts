import { describe, expect, it } from 'vitest';
import { MAX_RATIONAL_DIGITS, add, compare, div, equal, lnAbs, parseDecimal, pow, rational, toNumber, within } from './rational.ts';

describe('rational', () => {
  it('reduces and keeps the sign on the numerator', () => {
    expect(rational(2n, -4n)).toEqual({ num: -1n, den: 2n });
  });

  it('has no value for a zero denominator or an over-long part', () => {
    expect(rational(1n, 0n)).toBeNull();
    expect(rational(10n ** BigInt(MAX_RATIONAL_DIGITS + 1), 1n)).toBeNull();
  });

  it('adds and divides exactly', () => {
    const third = rational(1n, 3n)!;
    expect(add(third, third)).toEqual({ num: 2n, den: 3n });
    expect(div(third, rational(2n, 1n)!)).toEqual({ num: 1n, den: 6n });
  });

  it('refuses a power whose result would be too long before computing it', () => {
    expect(pow(rational(2n, 1n)!, 65_536n)).toBeNull();
    expect(pow(rational(1n, 1n)!, 10n ** 12n)).toEqual({ num: 1n, den: 1n });
    expect(pow(rational(-1n, 1n)!, 10n ** 12n + 1n)).toEqual({ num: -1n, den: 1n });
    expect(pow(rational(2n, 3n)!, -2n)).toEqual({ num: 9n, den: 4n });
  });

  it('compares a difference with a bound exactly', () => {
    const third = rational(1n, 3n)!;
    const approx = parseDecimal('0.333333')!.value;
    expect(within(third, approx, rational(1n, 10n ** 6n)!)).toBe(true);
    expect(within(third, approx, rational(1n, 10n ** 7n)!)).toBe(false);
  });

  it('converts huge parts to a finite double', () => {
    expect(toNumber(rational(10n ** 400n + 1n, 10n ** 399n)!)).toBeCloseTo(10, 10);
  });
});

describe('parseDecimal', () => {
  it('reads thousands separators, signs and scientific notation, with the precision written', () => {
    expect(parseDecimal('-1,234.50')).toEqual({ value: { num: -2469n, den: 2n }, decimals: 2, significant: 6 });
    expect(parseDecimal('2.5e3')).toEqual({ value: { num: 2500n, den: 1n }, decimals: 0, significant: 2 });
    expect(parseDecimal('1e-7')?.value).toEqual({ num: 1n, den: 10_000_000n });
    expect(parseDecimal('.5')?.decimals).toBe(1);
  });

  it('rejects what is not a decimal literal', () => {
    expect(parseDecimal('1/2')).toBeNull();
    expect(parseDecimal('.')).toBeNull();
  });

  it('treats equal decimals as equal rationals', () => {
    expect(equal(parseDecimal('0.50')!.value, parseDecimal('.5')!.value)).toBe(true);
  });
});

describe('compare, lnAbs and toNumber past double range', () => {
  it('orders rationals exactly', () => {
    expect(compare(rational(1n, 3n)!, rational(333n, 1000n)!)).toBe(1);
    expect(compare(rational(-1n, 2n)!, rational(2n, -4n)!)).toBe(0);
  });

  it('takes logarithms of rationals of any length, and gives doubles their limits', () => {
    expect(lnAbs(rational(1n, 10n ** 400n)!)).toBeCloseTo(-400 * Math.LN10, 9);
    expect(toNumber(rational(10n ** 400n, 1n)!)).toBe(Infinity);
    expect(toNumber(rational(-1n, 10n ** 400n)!)).toBe(-0);
  });
});

