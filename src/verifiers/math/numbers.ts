/**
 * When two numbers are the same. Rationals compare exactly. A decimal literal is an approximation: it
 * matches an exact value when it carries at least MIN_APPROX_SIGNIFICANT_DIGITS significant digits and lies
 * within one unit of its last digit (gold 1/3 accepts 0.333333, not 0.333); a decimal gold instead sets the
 * precision for an exact prediction (gold 33.3 accepts 100/3). Two decimal literals compare exactly. Values
 * known only as doubles agree within RELATIVE_TOLERANCE plus their noise bounds (cancellation in
 * `\sin^2 1+\cos^2 1-1`), forgiven only up to MAX_FORGIVEN_NOISE; never within an absolute epsilon. Complex numbers compare the same way on the
 * plane; numbers past double range by their logarithms.
 */
import { equal, lnAbs, mul, rational, within, type Rational } from './rational.ts';
import type { MathValue, NumberValue } from './value.ts';

/** A prediction written as a decimal needs this many significant digits to match a non-decimal gold. */
export const MIN_APPROX_SIGNIFICANT_DIGITS = 5;
/** Relative agreement required between two floating evaluations of exact forms (roots, π, formulas). */
export const RELATIVE_TOLERANCE = 1e-9;

/**
 * At most this much noise is forgiven, relative to the larger size compared (or to 1 below it): a cancellation
 * that loses more (`10^{20}\sqrt2 - 10^{20}\sqrt2 + 3`) cannot decide anything, and decides "different".
 */
export const MAX_FORGIVEN_NOISE = 1e-9;

/**
 * The part of a noise bound that may be forgiven when comparing values of these sizes.
 * @example forgiven(1e-12, 0) // 1e-12; forgiven(1e8, 3) // 3e-9
 */
export function forgiven(noise: number, ...sizes: number[]): number {
  return noise === 0 ? 0 : Math.min(noise, MAX_FORGIVEN_NOISE * Math.max(1, ...sizes.map(Math.abs)));
}

/**
 * |a - b| within the relative tolerance of the larger, plus the noise both carry (as far as it is forgiven).
 * @example relativeClose(0, 1e-16, 1e-12) // true; relativeClose(0, 1e-16) // false
 */
export function relativeClose(a: number, b: number, noise = 0): boolean {
  return a === b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)) + forgiven(noise, a, b);
}

/**
 * Two complex numbers within the relative tolerance of the larger modulus, plus their forgiven noise.
 * @example planarClose({ re: -1, im: 1e-16 }, { re: -1, im: 0 }, 1e-12) // true
 */
export function planarClose(a: { re: number; im: number }, b: { re: number; im: number }, noise: number): boolean {
  const [sizeA, sizeB] = [Math.hypot(a.re, a.im), Math.hypot(b.re, b.im)];
  return Math.hypot(a.re - b.re, a.im - b.im) <= RELATIVE_TOLERANCE * Math.max(sizeA, sizeB) + forgiven(noise, sizeA, sizeB);
}

function withinLastDigit(a: NumberValue, b: NumberValue, decimals: number): boolean {
  if (a.exact !== null && b.exact !== null) {
    const unit = rational(1n, 10n ** BigInt(decimals));
    return unit !== null && within(a.exact, b.exact, unit);
  }
  // A side without an exact value is a double: no window tighter than its own rounding (a 20-digit √2 is fine).
  return Math.abs(a.approx - b.approx) < Math.max(10 ** -decimals, 4 * Number.EPSILON * Math.abs(a.approx)) + forgiven(a.noise + b.noise, a.approx, b.approx);
}

function sameReading(gold: NumberValue, prediction: NumberValue): boolean {
  if (!Number.isFinite(gold.approx) || !Number.isFinite(prediction.approx)) {
    if (gold.exact !== null && prediction.exact !== null) return equal(gold.exact, prediction.exact);
    return gold.approx === prediction.approx;
  }
  if (gold.exact !== null && prediction.exact !== null && (gold.decimal === null) === (prediction.decimal === null)) {
    return equal(gold.exact, prediction.exact);
  }
  if (prediction.decimal !== null) {
    if (gold.exact !== null && prediction.exact !== null && equal(gold.exact, prediction.exact)) return true;
    return prediction.decimal.significant >= MIN_APPROX_SIGNIFICANT_DIGITS && withinLastDigit(gold, prediction, prediction.decimal.decimals);
  }
  if (gold.decimal !== null) return withinLastDigit(gold, prediction, gold.decimal.decimals);
  return relativeClose(gold.approx, prediction.approx, gold.noise + prediction.noise);
}

const HUNDREDTH: Rational = { num: 1n, den: 100n };

/** A percent is read both as the fraction (10% → 0.1) and as the number written (10). */
function readings(value: NumberValue): NumberValue[] {
  if (!value.percent) return [value];
  const plain: NumberValue = { ...value, percent: false };
  const fraction: NumberValue = {
    kind: 'number',
    exact: value.exact === null ? null : mul(value.exact, HUNDREDTH),
    approx: value.approx / 100,
    noise: value.noise / 100,
    decimal: value.decimal === null ? null : { decimals: value.decimal.decimals + 2, significant: value.decimal.significant },
    percent: false,
  };
  return [fraction, plain];
}

/**
 * Whether two numbers are the same (percent readings included).
 * @example sameNumber(parsed('\\frac{1}{3}'), parsed('0.333333')) // true
 */
export function sameNumber(gold: NumberValue, prediction: NumberValue): boolean {
  return readings(gold).some((g) => readings(prediction).some((p) => sameReading(g, p)));
}

type Scalar = Extract<MathValue, { kind: 'number' | 'complex' | 'magnitude' }>;

export const isScalar = (value: MathValue): value is Scalar => value.kind === 'number' || value.kind === 'complex' || value.kind === 'magnitude';

function planar(value: Scalar): { re: number; im: number; noise: number } {
  if (value.kind === 'complex') return value;
  if (value.kind === 'number') return { re: value.approx, im: 0, noise: value.noise };
  return { re: Number.NaN, im: Number.NaN, noise: 0 };
}

function logarithm(value: Scalar): { negative: boolean; lnAbs: number } | null {
  if (value.kind === 'magnitude') return value;
  if (value.kind !== 'number' || value.approx === 0) return null;
  return { negative: value.approx < 0, lnAbs: value.exact === null ? Math.log(Math.abs(value.approx)) : lnAbs(value.exact) };
}

/**
 * Whether two scalars (real, complex, or past double range) are the same number.
 * @example sameScalar(parsed('-1'), parsed('e^{i\\pi}')) // true
 */
export function sameScalar(gold: Scalar, prediction: Scalar): boolean {
  if (gold.kind === 'number' && prediction.kind === 'number') return sameNumber(gold, prediction);
  if (gold.kind === 'magnitude' || prediction.kind === 'magnitude') {
    const [a, b] = [logarithm(gold), logarithm(prediction)];
    // The same relative tolerance, on the logarithm.
    return a !== null && b !== null && a.negative === b.negative && Math.abs(a.lnAbs - b.lnAbs) <= RELATIVE_TOLERANCE;
  }
  const [a, b] = [planar(gold), planar(prediction)];
  return planarClose(a, b, a.noise + b.noise);
}
