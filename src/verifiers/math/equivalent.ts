/**
 * When two typed answers are the same. Rationals compare exactly. A decimal literal is an approximation:
 * it matches an exact value when it carries at least MIN_APPROX_SIGNIFICANT_DIGITS significant digits and
 * lies within one unit of its last digit (gold 1/3 accepts 0.333333, not 0.333); a decimal gold instead
 * sets the precision for an exact prediction (gold 33.3 accepts 100/3). Two decimal literals compare
 * exactly. There is no absolute epsilon. Formulas with free variables are compared at seeded random
 * points (positive reals, so roots and logarithms stay real). Sets are multisets; tuples are ordered.
 */
import { evaluate } from './expr.ts';
import { equal, mul, rational, within, type Rational } from './rational.ts';
import type { MathValue } from './value.ts';
import { seededRandom } from '../../core/seeded-random.ts';

type NumberValue = Extract<MathValue, { kind: 'number' }>;

/** A prediction written as a decimal needs this many significant digits to match a non-decimal gold. */
export const MIN_APPROX_SIGNIFICANT_DIGITS = 5;
/** Relative agreement required between two floating evaluations of exact forms (roots, π, formulas). */
export const RELATIVE_TOLERANCE = 1e-9;
/** Random points per identity check, and how many must be defined (finite on both sides). */
export const IDENTITY_POINTS = 8;
export const MIN_DEFINED_POINTS = 3;

function relativeClose(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

function withinLastDigit(a: NumberValue, b: NumberValue, decimals: number): boolean {
  if (a.exact !== null && b.exact !== null) {
    const unit = rational(1n, 10n ** BigInt(decimals));
    return unit !== null && within(a.exact, b.exact, unit);
  }
  // A side without an exact value is a double: no window tighter than its own rounding (a 20-digit √2 is fine).
  return Math.abs(a.approx - b.approx) < Math.max(10 ** -decimals, 4 * Number.EPSILON * Math.abs(a.approx));
}

function sameNumber(gold: NumberValue, prediction: NumberValue): boolean {
  if (!Number.isFinite(gold.approx) || !Number.isFinite(prediction.approx)) return gold.approx === prediction.approx;
  if (gold.exact !== null && prediction.exact !== null && (gold.decimal === null) === (prediction.decimal === null)) {
    return equal(gold.exact, prediction.exact);
  }
  if (prediction.decimal !== null) {
    if (gold.exact !== null && prediction.exact !== null && equal(gold.exact, prediction.exact)) return true;
    return prediction.decimal.significant >= MIN_APPROX_SIGNIFICANT_DIGITS && withinLastDigit(gold, prediction, prediction.decimal.decimals);
  }
  if (gold.decimal !== null) return withinLastDigit(gold, prediction, gold.decimal.decimals);
  return relativeClose(gold.approx, prediction.approx);
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
    decimal: value.decimal === null ? null : { decimals: value.decimal.decimals + 2, significant: value.decimal.significant },
    percent: false,
  };
  return [fraction, plain];
}

function valueAt(value: MathValue, scope: ReadonlyMap<string, number>): number {
  if (value.kind === 'number') return value.approx;
  if (value.kind === 'expression') return evaluate(value.expression.node, scope);
  return Number.NaN;
}

function sameFunction(gold: MathValue, prediction: MathValue): boolean {
  const symbols = new Set([...(gold.kind === 'expression' ? gold.expression.symbols : []), ...(prediction.kind === 'expression' ? prediction.expression.symbols : [])]);
  const random = seededRandom(0x5eed);
  let defined = 0;
  for (let k = 0; k < IDENTITY_POINTS; k++) {
    const scope = new Map([...symbols].map((name) => [name, 0.3 + 2.4 * random()] as const));
    const [g, p] = [valueAt(gold, scope), valueAt(prediction, scope)];
    if (!Number.isFinite(g) || !Number.isFinite(p)) continue;
    defined++;
    if (!relativeClose(g, p)) return false;
  }
  return defined >= MIN_DEFINED_POINTS;
}

/** Multiset matching: every gold item pairs with a distinct equivalent prediction item, none left over. */
function sameMultiset(gold: readonly MathValue[], prediction: readonly MathValue[]): boolean {
  if (gold.length !== prediction.length) return false;
  const used = new Array<boolean>(prediction.length).fill(false);
  return gold.every((item) => {
    const index = prediction.findIndex((candidate, i) => !used[i] && equivalent(item, candidate));
    if (index === -1) return false;
    used[index] = true;
    return true;
  });
}

/**
 * Whether a prediction's value matches the gold's.
 * @example equivalent(parsed('\\frac{1}{3}'), parsed('0.333333')) // true
 */
export function equivalent(gold: MathValue, prediction: MathValue): boolean {
  if (gold.kind === 'set') {
    if (prediction.kind === 'set') return sameMultiset(gold.items, prediction.items);
    return gold.items.length === 1 && gold.items[0] !== undefined && equivalent(gold.items[0], prediction);
  }
  if (prediction.kind === 'set') return prediction.items.length === 1 && prediction.items[0] !== undefined && equivalent(gold, prediction.items[0]);
  switch (gold.kind) {
    case 'number':
      if (prediction.kind === 'number') return readings(gold).some((g) => readings(prediction).some((p) => sameNumber(g, p)));
      return prediction.kind === 'expression' && sameFunction(gold, prediction);
    case 'expression':
      return (prediction.kind === 'expression' || prediction.kind === 'number') && sameFunction(gold, prediction);
    case 'tuple':
      if (prediction.kind === 'interval') return gold.pair && !prediction.lowClosed && !prediction.highClosed && equivalent(gold, { kind: 'tuple', items: [prediction.low, prediction.high], pair: true });
      return prediction.kind === 'tuple' && gold.items.length === prediction.items.length && gold.items.every((item, i) => equivalent(item, prediction.items[i] as MathValue));
    case 'interval':
      if (prediction.kind === 'tuple') return prediction.pair && !gold.lowClosed && !gold.highClosed && equivalent({ kind: 'tuple', items: [gold.low, gold.high], pair: true }, prediction);
      return (
        prediction.kind === 'interval' &&
        gold.lowClosed === prediction.lowClosed &&
        gold.highClosed === prediction.highClosed &&
        equivalent(gold.low, prediction.low) &&
        equivalent(gold.high, prediction.high)
      );
    case 'choice':
      return prediction.kind === 'choice' && prediction.letter === gold.letter;
    case 'text':
      return prediction.kind === 'text' && prediction.text === gold.text;
  }
}
