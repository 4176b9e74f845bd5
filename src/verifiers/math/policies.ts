/**
 * Task-option policies that depend on how an answer was written, which the typed value (parse.ts) has
 * forgotten: fractions in lowest terms (`require_reduced_fractions`), inequality or interval notation
 * (`inequality_interval`), and the radian reading of a number written in degrees (`angle_units`). They
 * read the answer text; the values are compared by equivalent.ts as usual.
 */
import { splitRelations } from './parse-relations.ts';
import { gcd } from './rational.ts';
import type { MathValue, NumberValue } from './value.ts';

// `\frac{2}{4}`, `\frac24`, `\frac{-6}{3}` (after latex.ts: `\dfrac`, `\tfrac`, `\cfrac` are `\frac`).
const LATEX_FRACTION = /\\frac\s*(?:\{\s*[-+]?\s*(\d+)\s*\}|(\d))\s*(?:\{\s*[-+]?\s*(\d+)\s*\}|(\d))/g;
// `2/4`, not inside a longer number, an exponent (`x^2/4`) or a power (`2/4^2`).
const SLASH_FRACTION = /(?<![\d.^/])(\d+)\s*\/\s*(\d+)(?![\d.^/])/g;

function unreduced(numerator: string, denominator: string): boolean {
  const [n, d] = [BigInt(numerator), BigInt(denominator)];
  return d === 1n || (d !== 0n && gcd(n, d) > 1n);
}

/**
 * Whether cleaned answer text writes a fraction of two integers that is not in lowest terms: a common
 * factor (`\frac{2}{4}`, `\frac{0}{5}`) or a denominator of 1 (`\frac{4}{1}`). Improper fractions are reduced.
 * @example hasUnreducedFraction('\\frac{2}{4}') // true; hasUnreducedFraction('\\frac{7}{2}') // false
 */
export function hasUnreducedFraction(cleaned: string): boolean {
  if (cleaned.includes('\\frac')) {
    for (const m of cleaned.matchAll(LATEX_FRACTION)) if (unreduced((m[1] ?? m[2]) as string, (m[3] ?? m[4]) as string)) return true;
  }
  if (cleaned.includes('/')) {
    for (const m of cleaned.matchAll(SLASH_FRACTION)) if (unreduced(m[1] as string, m[2] as string)) return true;
  }
  return false;
}

/** How an answer about a subset of the line is written: with inequality symbols, in interval or set notation, or neither. */
export type LineNotation = 'inequality' | 'interval' | 'other';

const INEQUALITIES = new Set(['<', '<=', '>', '>=', '!=']);

/**
 * The notation of an answer: `inequality` when it has an inequality symbol outside brackets (`1 < x \le 3`,
 * `x < -1 \lor x > 2`, `2x > 6`, `x \ne 3`), `interval` when it is an interval (an open one may read as a
 * pair: `(2, \infty)`) or a union written without one (`(1, 3]`, `x \in [1, 2)`, `\{x \mid x > 2\}`), else `other`.
 * @example lineNotation('(1, 3]', parsed('(1, 3]')) // 'interval'
 */
export function lineNotation(cleaned: string, value: MathValue): LineNotation {
  if (splitRelations(cleaned).operators.some((o) => INEQUALITIES.has(o))) return 'inequality';
  const interval = value.kind === 'interval' || value.kind === 'union' || (value.kind === 'tuple' && value.pair);
  return interval ? 'interval' : 'other';
}

// `60^\circ`, `60^{\circ}`, `60°`, `60\degree`, `60 degrees`, `60\text{ degrees}` (latex.ts strips them all).
const DEGREE_MARK = /\\circ(?![a-zA-Z])|°|\\degree(?![a-zA-Z])|(?<![a-zA-Z])deg(?:ree)?s?(?![a-zA-Z])/;

/**
 * The radian reading of a single number written with a degree mark (`60^\circ` → π/3), or null.
 * @example radianReading('60^\\circ', parsed('60^\\circ')) // ≈ 1.0472
 */
export function radianReading(raw: string, value: MathValue): NumberValue | null {
  if (value.kind !== 'number' || value.percent || !Number.isFinite(value.approx) || !DEGREE_MARK.test(raw)) return null;
  return { kind: 'number', exact: null, approx: (value.approx * Math.PI) / 180, noise: value.noise, decimal: null, percent: false };
}
