/**
 * Exact rationals on BigInt: what integer, decimal, fraction and percent answers become, so that
 * `0.5`, `1/2` and `\frac{2}{4}` compare equal without floating point. Sizes are bounded by the caller
 * (guards.ts caps digits), and every operation here refuses results above MAX_RATIONAL_DIGITS.
 */

/** A reduced fraction; `den` > 0. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** Operations whose result would have more digits than this return null (the caller falls back to floats). */
export const MAX_RATIONAL_DIGITS = 600;

/** The greatest common divisor of |a| and |b| (0 when both are 0). */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

const TOO_BIG = 10n ** BigInt(MAX_RATIONAL_DIGITS);

function tooBig(n: bigint): boolean {
  return n >= TOO_BIG || -n >= TOO_BIG;
}

/**
 * The reduced rational num/den, or null when den is 0 or a part is too long.
 * @example rational(2n, -4n) // { num: -1n, den: 2n }
 */
export function rational(num: bigint, den: bigint): Rational | null {
  if (den === 0n) return null;
  const g = gcd(num, den);
  let n = num / (g === 0n ? 1n : g);
  let d = den / (g === 0n ? 1n : g);
  if (d < 0n) [n, d] = [-n, -d];
  if (tooBig(n) || tooBig(d)) return null;
  return { num: n, den: d };
}

export const ZERO: Rational = { num: 0n, den: 1n };

export function add(a: Rational, b: Rational): Rational | null {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}
export function sub(a: Rational, b: Rational): Rational | null {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}
export function mul(a: Rational, b: Rational): Rational | null {
  return rational(a.num * b.num, a.den * b.den);
}
export function div(a: Rational, b: Rational): Rational | null {
  return rational(a.num * b.den, a.den * b.num);
}

/** a^k for an integer k, or null when the result would be too long (checked before computing). */
export function pow(a: Rational, k: bigint): Rational | null {
  if (k === 0n) return a.num === 0n ? null : { num: 1n, den: 1n };
  const digits = Math.max(a.num.toString().length, a.den.toString().length);
  const magnitude = k < 0n ? -k : k;
  if (magnitude > 100_000n || digits * Number(magnitude) > MAX_RATIONAL_DIGITS + digits) {
    if (a.den === 1n && (a.num === 1n || a.num === 0n)) return k < 0n && a.num === 0n ? null : a;
    if (a.den === 1n && a.num === -1n) return { num: magnitude % 2n === 0n ? 1n : -1n, den: 1n };
    return null;
  }
  const r = rational(a.num ** magnitude, a.den ** magnitude);
  return r === null || k > 0n ? r : div({ num: 1n, den: 1n }, r);
}

export function equal(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

/** |a - b| < bound, exactly. */
export function within(a: Rational, b: Rational, bound: Rational): boolean {
  const d = sub(a, b);
  if (d === null) return false;
  const abs = d.num < 0n ? { num: -d.num, den: d.den } : d;
  return abs.num * bound.den < bound.num * abs.den;
}

/**
 * a < b: -1, a = b: 0, a > b: 1, exactly.
 * @example compare({ num: 1n, den: 3n }, { num: 333n, den: 1000n }) // 1
 */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

const LN10 = Math.log(10);

/** ln |n| for a positive BigInt of any length, to double precision. */
function lnBig(n: bigint): number {
  const digits = n.toString();
  if (digits.length <= 300) return Math.log(Number(n));
  return Math.log(Number(digits.slice(0, 17))) + (digits.length - 17) * LN10;
}

/**
 * ln |a|; -Infinity for 0. Works past double range (`1/250!`).
 * @example lnAbs({ num: 1n, den: 10n ** 400n }) // -921.03…
 */
export function lnAbs(a: Rational): number {
  if (a.num === 0n) return Number.NEGATIVE_INFINITY;
  return lnBig(a.num < 0n ? -a.num : a.num) - lnBig(a.den);
}

/** The nearest double: exact for small parts, ±Infinity or 0 past double range; never throws. */
export function toNumber(a: Rational): number {
  const n = Number(a.num);
  const d = Number(a.den);
  if (Number.isFinite(n) && Number.isFinite(d)) return n / d;
  const sign = a.num < 0n ? -1 : 1;
  return sign * Math.exp(lnAbs(a));
}

/**
 * The rational a decimal literal denotes, with its significant digits.
 * @example parseDecimal('-1,234.50') // { value: { num: -2469n, den: 2n }, decimals: 2, significant: 6 }
 */
export function parseDecimal(text: string): { value: Rational; decimals: number; significant: number } | null {
  const m = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d{1,4}))?$/.exec(text.replace(/,/g, ''));
  if (m === null) return null;
  const [, sign = '', whole = '', fraction = '', exponentText] = m;
  if (whole === '' && fraction === '') return null;
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const digits = `${whole}${fraction}`;
  const scale = fraction.length - exponent;
  const magnitude = BigInt(digits);
  const value = scale >= 0 ? rational(magnitude, 10n ** BigInt(scale)) : rational(magnitude * 10n ** BigInt(-scale), 1n);
  if (value === null) return null;
  const stripped = digits.replace(/^0+/, '');
  const significant = fraction === '' && exponentText === undefined ? stripped.replace(/0+$/, '').length || 1 : stripped.length || 1;
  return { value: sign === '-' ? { num: -value.num, den: value.den } : value, decimals: Math.max(scale, 0), significant };
}
