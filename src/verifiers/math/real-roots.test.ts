import { describe, expect, it } from 'vitest';
import type { Polynomial } from './polynomial.ts';
import { realRoots } from './real-roots.ts';
import { rational, type Rational } from './rational.ts';

/** A polynomial from integer coefficients, lowest power first. */
const poly = (...coefficients: (number | bigint)[]): Polynomial => coefficients.map((c) => rational(BigInt(c), 1n) as Rational);
const show = (p: Polynomial): string[] | null =>
  realRoots(p)?.map((r) => (r.exact === null ? r.approx.toPrecision(15) : `${r.exact.num}/${r.exact.den}`)) ?? null;

describe('realRoots', () => {
  it('returns each distinct real root once, in order, exact when rational', () => {
    expect(show(poly(-6, 11, -6, 1))).toEqual(['1/1', '2/1', '3/1']);
    expect(show(poly(0, -1, 0, 1))).toEqual(['-1/1', '0/1', '1/1']);
    expect(show(poly(1, -3, 3, -1))).toEqual(['1/1']); // (1 - x)^3
    expect(show(poly(-1, 6, -11, 6))).toEqual(['1/3', '1/2', '1/1']);
  });

  it('finds irrational roots to double precision, and none where there are none', () => {
    expect(show(poly(-2, 0, 0, 1))).toEqual([Math.cbrt(2).toPrecision(15)]);
    expect(show(poly(1, -3, 0, 1))).toEqual([2 * Math.cos((8 * Math.PI) / 9), 2 * Math.cos((4 * Math.PI) / 9), 2 * Math.cos((2 * Math.PI) / 9)].map((x) => x.toPrecision(15)));
    expect(show(poly(1, 0, 0, 0, 1))).toEqual([]);
  });

  it('gives up (null) rather than work past its bound on roots closer than it can separate', () => {
    // (x - 1)(x - 1 - 10^-80): separating them takes ~270 bisections of the isolating interval.
    const p: Polynomial = [rational(10n ** 80n + 1n, 10n ** 80n) as Rational, { num: -(2n * 10n ** 80n + 1n), den: 10n ** 80n }, { num: 1n, den: 1n }];
    expect(realRoots(p)).toBeNull();
  });
});
