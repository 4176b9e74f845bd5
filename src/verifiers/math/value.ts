/** The typed value an answer parses to (parse.ts) and that equivalence (equivalent.ts) compares. */
import type { Expression } from './expr.ts';
import type { Rational } from './rational.ts';

/** How a number was written when it is a decimal literal: what precision it claims. */
export interface DecimalForm {
  readonly decimals: number;
  readonly significant: number;
}

/**
 * A real number without free variables. `exact` when rational; `decimal` when written as a decimal literal;
 * `percent` when written with %, `exact`/`approx` then being the number written (10% → 10). `noise` bounds the
 * floating-point error of `approx` (0 when exact): what cancellation in `\sin^2 1+\cos^2 1-1` may leave.
 */
export interface NumberValue {
  readonly kind: 'number';
  readonly exact: Rational | null;
  readonly approx: number;
  readonly noise: number;
  readonly decimal: DecimalForm | null;
  readonly percent: boolean;
}

export interface IntervalValue {
  readonly kind: 'interval';
  readonly low: MathValue;
  readonly high: MathValue;
  readonly lowClosed: boolean;
  readonly highClosed: boolean;
}

/** A relation symbol after normalisation: `a > b` is stored as `b < a`. */
export type Relation = '=' | '<' | '<=';

export type MathValue =
  | NumberValue
  /** A non-real number without free variables (`3+4i`, `\sqrt{-4}`), on doubles. */
  | { readonly kind: 'complex'; readonly re: number; readonly im: number; readonly noise: number }
  /** A real number beyond double range (`\frac{1}{2004!}`), by its sign and the natural log of its size. */
  | { readonly kind: 'magnitude'; readonly negative: boolean; readonly lnAbs: number }
  | { readonly kind: 'expression'; readonly expression: Expression }
  /** Ordered: `(1, 2)`; `pair` when it could also be read as an open interval. */
  | { readonly kind: 'tuple'; readonly items: readonly MathValue[]; readonly pair: boolean }
  /**
   * Unordered, a multiset: `\{1, 2\}`, `1, 2`, `x = \pm 2`. `commaDecimal` is the other reading of `0,5`
   * (a decimal comma), used only against a single-number answer.
   */
  | { readonly kind: 'set'; readonly items: readonly MathValue[]; readonly commaDecimal?: NumberValue }
  | IntervalValue
  /** Disjoint intervals and points in increasing order (canonical), or as written when an endpoint is symbolic. */
  | { readonly kind: 'union'; readonly parts: readonly MathValue[] }
  /**
   * `lhs relation rhs`: an equation (`y = 2x+1`) or an inequality that is not a plain interval (`x+y \le 3`).
   * `symbol` names a lone variable on the left of an equation (`x = 3`, `f(x) = …`), which may then be compared
   * with the right side alone.
   */
  | { readonly kind: 'relation'; readonly relation: Relation; readonly lhs: MathValue; readonly rhs: MathValue; readonly symbol: string | null }
  /** Rows of equal length: `\begin{pmatrix}…\end{pmatrix}`. */
  | { readonly kind: 'matrix'; readonly rows: readonly (readonly MathValue[])[] }
  | { readonly kind: 'choice'; readonly letter: string }
  | { readonly kind: 'text'; readonly text: string };
