/**
 * The real roots of a polynomial with rational coefficients, with care for close and multiple roots: the
 * square-free part is taken exactly, a Sturm sequence isolates each root in an interval of its own, and
 * bisection narrows it using exact signs. Signs are computed on integers (each polynomial scaled to integer
 * coefficients, each point a dyadic fraction n / (base · 2^k)), so no step rounds and none needs a gcd.
 * Rational roots come out exact. Work is bounded by MAX_STURM_STEPS and MAX_BISECTIONS; past either the
 * roots are unknown (null).
 */
import { degree, leading, squareFree, sturm, type Polynomial } from './polynomial.ts';
import { add, compare, div, gcd, rational, toNumber, ZERO, type Rational } from './rational.ts';
import type { NumberValue } from './value.ts';

/** Sturm sign-change evaluations allowed while isolating the roots of one polynomial. */
export const MAX_STURM_STEPS = 200;
/** Bisections allowed per root (each halves its interval; a relative width of 2^-60 ends it sooner). */
export const MAX_BISECTIONS = 400;

/** Integer coefficients, lowest power first. */
type IntegerPolynomial = readonly bigint[];

/** p times the positive lcm of its denominators: the same signs everywhere. */
function integerPolynomial(p: Polynomial): bigint[] {
  let lcm = 1n;
  for (const c of p) lcm = (lcm / gcd(lcm, c.den)) * c.den;
  return p.map((c) => (c.num * lcm) / c.den);
}

/** The sign of P(n / d) for d > 0: Σ c_i n^i d^(deg-i), by Horner, on integers. */
function signOf(p: IntegerPolynomial, n: bigint, d: bigint): number {
  let acc = p[p.length - 1] ?? 0n;
  let power = 1n;
  for (let i = p.length - 2; i >= 0; i--) {
    power *= d;
    acc = acc * n + (p[i] as bigint) * power;
  }
  return acc > 0n ? 1 : acc < 0n ? -1 : 0;
}

/** A dyadic point n / (base · 2^k). */
interface Point {
  readonly n: bigint;
  readonly k: number;
}

/** Both points over the larger power of two. */
function aligned(a: Point, b: Point): [bigint, bigint, number] {
  const k = Math.max(a.k, b.k);
  return [a.n << BigInt(k - a.k), b.n << BigInt(k - b.k), k];
}

/** a + (b - a) · t / 2^bits. */
function between(a: Point, b: Point, t: bigint, bits: number): Point {
  const [an, bn, k] = aligned(a, b);
  return { n: (an << BigInt(bits)) + (bn - an) * t, k: k + bits };
}

/** 1 + max |c_i / c_n|: every root lies strictly inside (-bound, bound). */
function cauchyBound(p: Polynomial): Rational | null {
  const lead = leading(p);
  let bound: Rational = ZERO;
  for (const c of p.slice(0, -1)) {
    const r = div(c, lead);
    if (r === null) return null;
    const size = r.num < 0n ? { num: -r.num, den: r.den } : r;
    if (compare(size, bound) > 0) bound = size;
  }
  return add(bound, { num: 1n, den: 1n });
}

// Split points tried in turn, as fractions t / 2^3 of the interval: the first that is not a root is used.
const SPLITS = [4n, 2n, 6n, 3n, 5n];

/** Intervals (a, b), neither end a root, each holding exactly one root of the square-free q; null past the bound. */
function isolate(q: IntegerPolynomial, chain: readonly IntegerPolynomial[], bound: Point, base: bigint): [Point, Point][] | null {
  let steps = 0;
  const changes = (x: Point): number | null => {
    if (++steps > MAX_STURM_STEPS) return null;
    const d = base << BigInt(x.k);
    let count = 0;
    let last = 0;
    for (const p of chain) {
      const s = signOf(p, x.n, d);
      if (s !== 0 && last !== 0 && s !== last) count++;
      if (s !== 0) last = s;
    }
    return count;
  };
  const found: [Point, Point][] = [];
  const split = (a: Point, b: Point, va: number, vb: number): boolean => {
    if (va === vb) return true;
    if (va - vb === 1) return found.push([a, b]) > 0;
    for (const t of SPLITS) {
      const m = between(a, b, t, 3);
      if (signOf(q, m.n, base << BigInt(m.k)) === 0) continue;
      const vm = changes(m);
      return vm !== null && split(a, m, va, vm) && split(m, b, vm, vb);
    }
    return false;
  };
  const low: Point = { n: -bound.n, k: 0 };
  const [vLow, vHigh] = [changes(low), changes(bound)];
  return vLow !== null && vHigh !== null && split(low, bound, vLow, vHigh) ? found : null;
}

/** The number `n / (base · 2^k)`: exact when it is a root with a denominator dividing `lead`, else its double. */
function rootValue(q: IntegerPolynomial, a: Point, b: Point, base: bigint, lead: bigint): NumberValue | null {
  const [an, bn, k] = aligned(a, b);
  const denominator = base << BigInt(k + 1);
  const middle = an + bn;
  // A rational root's denominator divides the leading coefficient: try the nearest fraction over it.
  const scaled = middle * lead;
  const guess = (scaled + (scaled >= 0n ? denominator / 2n : -denominator / 2n)) / denominator;
  if (signOf(q, guess, lead) === 0) {
    const exact = rational(guess, lead);
    return exact === null ? null : { kind: 'number', exact, approx: toNumber(exact), noise: 0, decimal: null, percent: false };
  }
  const approx = rational(middle, denominator);
  return approx === null ? null : { kind: 'number', exact: null, approx: toNumber(approx), noise: 0, decimal: null, percent: false };
}

/** Bisects (a, b), where q changes sign, until the interval is narrow relative to its position. */
function refine(q: IntegerPolynomial, interval: [Point, Point], base: bigint, lead: bigint): NumberValue | null {
  let [a, b] = interval;
  const signA = signOf(q, a.n, base << BigInt(a.k));
  for (let step = 0; step < MAX_BISECTIONS; step++) {
    const [an, bn] = aligned(a, b);
    const size = an + bn < 0n ? -(an + bn) : an + bn;
    if ((bn - an) << 61n <= size) break;
    const m = between(a, b, 1n, 1);
    const sign = signOf(q, m.n, base << BigInt(m.k));
    if (sign === 0) return rootValue(q, m, m, base, lead);
    if (sign === signA) a = m;
    else b = m;
  }
  return rootValue(q, a, b, base, lead);
}

/**
 * The distinct real roots of p (degree ≥ 1), in increasing order, or null when a bound was reached.
 * @example realRoots(polynomial of x^3 - x) // -1, 0, 1 (exact)
 */
export function realRoots(p: Polynomial): NumberValue[] | null {
  let q = squareFree(p);
  if (q === null) return null;
  const roots: NumberValue[] = [];
  if ((q[0] as Rational).num === 0n) {
    roots.push({ kind: 'number', exact: ZERO, approx: 0, noise: 0, decimal: null, percent: false });
    q = q.slice(1);
  }
  if (degree(q) < 1) return roots;
  const chain = sturm(q);
  const bound = cauchyBound(q);
  if (chain === null || bound === null) return null;
  const integer = integerPolynomial(q);
  const content = integer.reduce((g, c) => gcd(g, c), 0n);
  const lead = (integer[integer.length - 1] as bigint) / content;
  const intervals = isolate(integer, chain.map(integerPolynomial), { n: bound.num, k: 0 }, bound.den);
  if (intervals === null) return null;
  for (const interval of intervals) {
    const root = refine(integer, interval, bound.den, lead < 0n ? -lead : lead);
    if (root === null) return null;
    roots.push(root);
  }
  return roots.sort((x, y) => x.approx - y.approx);
}
