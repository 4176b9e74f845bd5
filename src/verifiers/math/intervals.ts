/**
 * Subsets of the real line as canonical unions: disjoint intervals (points are `[a, a]`) in increasing
 * order, so `[1, 2] \cup (2, 3]` and `[1, 3]` compare equal. `\cup`, `\cap`, `\setminus` and complements
 * are computed here when every endpoint is a number; a symbolic endpoint leaves the union as written.
 */
import { forgiven } from './numbers.ts';
import { compare } from './rational.ts';
import type { IntervalValue, MathValue, NumberValue } from './value.ts';

/** Relative closeness of two inexact endpoints (the verifier's float tolerance). */
const ENDPOINT_TOLERANCE = 1e-9;

type Numeric = NumberValue;

const isNumeric = (v: MathValue): v is Numeric => v.kind === 'number' && !Number.isNaN(v.approx);

/** Order of two numeric endpoints: exact when both are rationals, else by doubles with the float tolerance. */
function order(a: Numeric, b: Numeric): number {
  if (a.exact !== null && b.exact !== null) return compare(a.exact, b.exact);
  if (a.approx === b.approx) return 0;
  const gap = Math.abs(a.approx - b.approx);
  if (Number.isFinite(gap) && gap <= ENDPOINT_TOLERANCE * Math.max(Math.abs(a.approx), Math.abs(b.approx)) + forgiven(a.noise + b.noise, a.approx, b.approx)) return 0;
  return a.approx < b.approx ? -1 : 1;
}

interface Piece {
  readonly low: Numeric;
  readonly high: Numeric;
  readonly lowClosed: boolean;
  readonly highClosed: boolean;
}

const INFINITE = (sign: 1 | -1): Numeric => ({ kind: 'number', exact: null, approx: sign * Infinity, noise: 0, decimal: null, percent: false });

/** The pieces of a value that is a subset of the line (interval, `(a, b)` pair, point set, union), or null. */
function piecesOf(value: MathValue): Piece[] | null {
  if (value.kind === 'tuple' && value.pair) {
    const [low, high] = value.items as [MathValue, MathValue];
    return piecesOf({ kind: 'interval', low, high, lowClosed: false, highClosed: false });
  }
  if (value.kind === 'interval') {
    const { low, high } = value;
    return isNumeric(low) && isNumeric(high) ? [{ low, high, lowClosed: value.lowClosed && Number.isFinite(low.approx), highClosed: value.highClosed && Number.isFinite(high.approx) }] : null;
  }
  if (value.kind === 'set' || value.kind === 'union') {
    const pieces: Piece[] = [];
    for (const item of value.kind === 'set' ? value.items : value.parts) {
      const inner = isNumeric(item) ? [{ low: item, high: item, lowClosed: true, highClosed: true }] : piecesOf(item);
      if (inner === null) return null;
      pieces.push(...inner);
    }
    return pieces;
  }
  return null;
}

const isEmpty = (p: Piece): boolean => {
  const o = order(p.low, p.high);
  return o > 0 || (o === 0 && !(p.lowClosed && p.highClosed));
};

/** Sorted, merged, without empty pieces. */
function canonical(pieces: readonly Piece[]): Piece[] {
  const sorted = pieces.filter((p) => !isEmpty(p)).sort((a, b) => order(a.low, b.low) || Number(b.lowClosed) - Number(a.lowClosed));
  const merged: Piece[] = [];
  for (const piece of sorted) {
    const last = merged[merged.length - 1];
    const touch = last === undefined ? 1 : order(piece.low, last.high);
    if (last === undefined || touch > 0 || (touch === 0 && !last.highClosed && !piece.lowClosed)) {
      merged.push(piece);
      continue;
    }
    const reach = order(piece.high, last.high);
    if (reach > 0) merged[merged.length - 1] = { ...last, high: piece.high, highClosed: piece.highClosed };
    else if (reach === 0 && piece.highClosed && !last.highClosed) merged[merged.length - 1] = { ...last, highClosed: true };
  }
  return merged;
}

function complement(pieces: readonly Piece[]): Piece[] {
  const gaps: Piece[] = [];
  let low = INFINITE(-1);
  let lowClosed = false;
  for (const piece of pieces) {
    gaps.push({ low, high: piece.low, lowClosed, highClosed: !piece.lowClosed });
    [low, lowClosed] = [piece.high, !piece.highClosed];
  }
  gaps.push({ low, high: INFINITE(1), lowClosed, highClosed: false });
  return canonical(gaps);
}

function intersection(a: readonly Piece[], b: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of a) {
    for (const q of b) {
      const lowOrder = order(p.low, q.low);
      const highOrder = order(p.high, q.high);
      out.push({
        low: lowOrder >= 0 ? p.low : q.low,
        lowClosed: lowOrder > 0 ? p.lowClosed : lowOrder < 0 ? q.lowClosed : p.lowClosed && q.lowClosed,
        high: highOrder <= 0 ? p.high : q.high,
        highClosed: highOrder < 0 ? p.highClosed : highOrder > 0 ? q.highClosed : p.highClosed && q.highClosed,
      });
    }
  }
  return canonical(out);
}

/** The value of canonical pieces: an empty set, a set of points, one interval, or a union. */
function valueOf(pieces: readonly Piece[]): MathValue {
  if (pieces.every((p) => order(p.low, p.high) === 0)) return { kind: 'set', items: pieces.map((p) => p.low) };
  const parts: IntervalValue[] = pieces.map((p) => ({ kind: 'interval', ...p }));
  return parts.length === 1 && parts[0] !== undefined ? parts[0] : { kind: 'union', parts };
}

/**
 * `a \cup b \cup …`, canonical when every endpoint is a number, else as written.
 * @example unionOf([parsed('[1, 2]'), parsed('(2, 3]')]) // the interval [1, 3]
 */
export function unionOf(values: readonly MathValue[]): MathValue {
  const pieces = values.map(piecesOf);
  if (pieces.some((p) => p === null)) return { kind: 'union', parts: values };
  return valueOf(canonical(pieces.flatMap((p) => p ?? [])));
}

/**
 * `a \cap b`, or null when an endpoint is symbolic.
 * @example intersectionOf(parsed('(0, 2)'), parsed('[1, 3)')) // the interval [1, 2)
 */
export function intersectionOf(a: MathValue, b: MathValue): MathValue | null {
  const [p, q] = [piecesOf(a), piecesOf(b)];
  return p === null || q === null ? null : valueOf(intersection(canonical(p), canonical(q)));
}

/**
 * `a \setminus b`, or null when an endpoint is symbolic.
 * @example differenceOf(parsed('[0, 2]'), parsed('\\{1\\}')) // [0, 1) ∪ (1, 2]
 */
export function differenceOf(a: MathValue, b: MathValue): MathValue | null {
  const [p, q] = [piecesOf(a), piecesOf(b)];
  return p === null || q === null ? null : valueOf(intersection(canonical(p), complement(canonical(q))));
}

/**
 * The real line without the given pieces (`x != 3`).
 * @example complementOf([parsed('[3, 3]')]) // (-∞, 3) ∪ (3, ∞)
 */
export function complementOf(values: readonly MathValue[]): MathValue {
  const pieces = values.map(piecesOf);
  return valueOf(complement(canonical(pieces.flatMap((p) => p ?? []))));
}
