/**
 * Formulas with free variables, compared at IDENTITY_POINTS seeded random points. Points are rationals in
 * [0.3, 2.7] (positive, so roots and logarithms stay real): where both sides evaluate exactly (polynomials,
 * rational functions) they must agree exactly; elsewhere on doubles within the relative tolerance plus a
 * noise bound from the largest intermediate value, so `\sin^2x+\cos^2x-1` equals 0. Formulas with the
 * imaginary unit are evaluated on complex doubles. Equations and inequalities compare `lhs - rhs` up to a
 * constant non-zero (for inequalities positive) factor.
 *
 * When too few points lie in both formulas' domain (`\frac{1}{\sqrt{x-4}}` is undefined on all of them) the
 * points cannot decide, and nerdamer may confirm the identity (symbolic.ts), unless points in [-30, 30]
 * contradict it.
 */
import { evaluateComplex } from './complex.ts';
import { evaluate, evaluateExact, NOISE_PER_MAGNITUDE, type Magnitude } from './evaluate.ts';
import { forgiven, planarClose, relativeClose } from './numbers.ts';
import { div, equal, mul, rational, sub, toNumber, type Rational } from './rational.ts';
import type { MathValue } from './value.ts';
import { confirmIdentity, type SymbolicSide } from './symbolic.ts';
import { seededRandom } from '../../core/seeded-random.ts';

/** Random points per identity check, and how many must be defined (finite on both sides). */
export const IDENTITY_POINTS = 8;
export const MIN_DEFINED_POINTS = 3;

interface Point {
  readonly exact: ReadonlyMap<string, Rational>;
  readonly real: ReadonlyMap<string, number>;
}

const pointsBySymbols = new Map<string, readonly Point[]>();

/** The same points for the same variables, every time (memoised: a few hundred variable lists at most). */
function points(symbols: readonly string[], wide = false): readonly Point[] {
  const key = `${wide ? 'wide:' : ''}${symbols.join(',')}`;
  const known = pointsBySymbols.get(key);
  if (known !== undefined) return known;
  const random = seededRandom(wide ? 0xfa7 : 0x5eed);
  // [0.3, 2.7] in steps of 10^-4, or [-30, 30] in steps of 10^-3.
  const [low, span, scale] = wide ? [-30_000, 60_000, 1000n] : [3000, 24_000, 10_000n];
  const made = Array.from({ length: IDENTITY_POINTS }, () => {
    const values = symbols.map((name) => [name, rational(BigInt(low + Math.floor(random() * span)), scale) as Rational] as const);
    return { exact: new Map(values), real: new Map(values.map(([name, r]) => [name, toNumber(r)])) };
  });
  if (pointsBySymbols.size >= 256) pointsBySymbols.clear();
  pointsBySymbols.set(key, made);
  return made;
}

/** One side at one point: exact when it can be, else a double (or complex double) with its noise bound. */
interface Sample {
  readonly exact: Rational | null;
  readonly re: number;
  readonly im: number;
  readonly noise: number;
}

const UNDEFINED: Sample = { exact: null, re: Number.NaN, im: Number.NaN, noise: 0 };

/**
 * Formulas with more nodes than this are evaluated on doubles only: exact powers of a 120-term polynomial at
 * rational points cost milliseconds of BigInt work for no gain in a check that is already relative.
 */
export const MAX_EXACT_NODES = 80;

/** The exact value at a point, or null (irrational there, too big to be worth it, or not a formula). */
function exactAt(value: MathValue, point: Point): Rational | null {
  if (value.kind === 'number') return value.exact;
  if (value.kind !== 'expression' || value.expression.imaginary || value.expression.nodes > MAX_EXACT_NODES) return null;
  return evaluateExact(value.expression.node, point.exact);
}

/** The value at a point on doubles (complex doubles when `complex`), with its noise bound. */
function sample(value: MathValue, point: Point, complex: boolean): Sample {
  if (value.kind === 'number') return { exact: value.exact, re: value.approx, im: 0, noise: value.noise };
  if (value.kind === 'complex') return { exact: null, re: value.re, im: value.im, noise: value.noise };
  if (value.kind !== 'expression') return UNDEFINED;
  const size: Magnitude = { largest: 0 };
  if (complex) {
    const z = evaluateComplex(value.expression.node, point.real, size);
    return { exact: null, re: z.re, im: z.im, noise: NOISE_PER_MAGNITUDE * size.largest };
  }
  return { exact: null, re: evaluate(value.expression.node, point.real, size), im: 0, noise: NOISE_PER_MAGNITUDE * size.largest };
}

const symbolsOf = (values: readonly MathValue[]): string[] => [...new Set(values.flatMap((v) => (v.kind === 'expression' ? v.expression.symbols : [])))].sort();
const isComplex = (values: readonly MathValue[]): boolean => values.some((v) => v.kind === 'complex' || (v.kind === 'expression' && v.expression.imaginary));
const defined = (s: Sample): boolean => Number.isFinite(s.re) && Number.isFinite(s.im);

/**
 * Whether two formulas (or a formula and a number) agree at the random points.
 * @example sameFunction(parsed('\\sin^2 x+\\cos^2 x-1'), parsed('0')) // true
 */
export function sameFunction(gold: MathValue, prediction: MathValue): boolean {
  const complex = isComplex([gold, prediction]);
  let count = 0;
  for (const point of points(symbolsOf([gold, prediction]))) {
    // Exact first: the gold's value decides whether the prediction's is worth computing.
    const gExact = complex ? null : exactAt(gold, point);
    const pExact = gExact === null ? null : exactAt(prediction, point);
    if (gExact !== null && pExact !== null) {
      if (!equal(gExact, pExact)) return false;
      count++;
      continue;
    }
    const [g, p] = [sample(gold, point, complex), sample(prediction, point, complex)];
    if (!defined(g) || !defined(p)) continue;
    const close = complex ? planarClose(g, p, g.noise + p.noise) : relativeClose(g.re, p.re, g.noise + p.noise);
    if (!close) return false;
    count++;
  }
  return count >= MIN_DEFINED_POINTS || (!complex && confirmedSymbolically(gold, prediction));
}

function symbolicSide(value: MathValue): SymbolicSide | null {
  if (value.kind === 'expression') return value.expression;
  return value.kind === 'number' ? value.exact : null;
}

/** nerdamer's proof that the difference is 0, unless a point in [-30, 30] where both sides are defined disagrees. */
function confirmedSymbolically(gold: MathValue, prediction: MathValue): boolean {
  const [g, p] = [symbolicSide(gold), symbolicSide(prediction)];
  const symbols = symbolsOf([gold, prediction]);
  if (g === null || p === null || !confirmIdentity(symbols, g, p)) return false;
  return points(symbols, true).every((point) => {
    const [a, b] = [sample(gold, point, false), sample(prediction, point, false)];
    return !defined(a) || !defined(b) || relativeClose(a.re, b.re, a.noise + b.noise);
  });
}

/** `lhs - rhs` at a point, exact when both sides are. */
function difference(lhs: MathValue, rhs: MathValue, point: Point): Sample {
  const left = exactAt(lhs, point);
  const right = left === null ? null : exactAt(rhs, point);
  const exact = left !== null && right !== null ? sub(left, right) : null;
  if (exact !== null) return { exact, re: toNumber(exact), im: 0, noise: 0 };
  const [l, r] = [sample(lhs, point, false), sample(rhs, point, false)];
  return { exact: null, re: l.re - r.re, im: 0, noise: l.noise + r.noise + NOISE_PER_MAGNITUDE * Math.max(Math.abs(l.re), Math.abs(r.re)) };
}

/**
 * Whether `predicted.lhs - predicted.rhs` is a constant multiple k of `gold.lhs - gold.rhs` at the random points,
 * with k ≠ 0 (k > 0 when `positive`): the same equation, or the same inequality, rearranged or scaled.
 * @example proportional([y, 2x+1], [2x-y+1, 0], false) // true (k = -1)
 */
export function proportional(gold: readonly [MathValue, MathValue], predicted: readonly [MathValue, MathValue], positive: boolean): boolean {
  let exactFactor: Rational | null = null;
  let factor = Number.NaN;
  let count = 0;
  for (const point of points(symbolsOf([...gold, ...predicted]))) {
    const [g, p] = [difference(gold[0], gold[1], point), difference(predicted[0], predicted[1], point)];
    if (!Number.isFinite(g.re) || !Number.isFinite(p.re)) continue;
    const gZero = g.exact !== null ? g.exact.num === 0n : Math.abs(g.re) <= forgiven(g.noise, 0);
    if (gZero) {
      if (p.exact !== null ? p.exact.num !== 0n : Math.abs(p.re) > forgiven(p.noise, 0)) return false;
      continue;
    }
    if (Number.isNaN(factor)) {
      factor = p.re / g.re;
      exactFactor = g.exact !== null && p.exact !== null ? div(p.exact, g.exact) : null;
      if (factor === 0 || !Number.isFinite(factor) || (positive && factor < 0)) return false;
    } else if (exactFactor !== null && g.exact !== null && p.exact !== null) {
      const scaled = mul(exactFactor, g.exact);
      if (scaled === null || !equal(scaled, p.exact)) return false;
    } else if (!relativeClose(p.re, factor * g.re, p.noise + Math.abs(factor) * g.noise)) return false;
    count++;
  }
  return count >= MIN_DEFINED_POINTS;
}
