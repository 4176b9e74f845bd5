/** The typed value an answer parses to (parse.ts) and that equivalence (equivalent.ts) compares. */
import type { Expression } from './expr.ts';
import type { Rational } from './rational.ts';

/** How a number was written when it is a decimal literal: what precision it claims. */
export interface DecimalForm {
  readonly decimals: number;
  readonly significant: number;
}

export type MathValue =
  /** A number without free variables. `exact` when rational; `decimal` when written as a decimal literal; `percent` when written with %, `exact`/`approx` then being the fraction (10% → 1/10). */
  | { readonly kind: 'number'; readonly exact: Rational | null; readonly approx: number; readonly decimal: DecimalForm | null; readonly percent: boolean }
  | { readonly kind: 'expression'; readonly expression: Expression }
  /** Ordered: `(1, 2)`; `pair` when it could also be read as an open interval. */
  | { readonly kind: 'tuple'; readonly items: readonly MathValue[]; readonly pair: boolean }
  /** Unordered, a multiset: `\{1, 2\}`, `1, 2`, `x = \pm 2`. */
  | { readonly kind: 'set'; readonly items: readonly MathValue[] }
  | { readonly kind: 'interval'; readonly low: MathValue; readonly high: MathValue; readonly lowClosed: boolean; readonly highClosed: boolean }
  | { readonly kind: 'choice'; readonly letter: string }
  | { readonly kind: 'text'; readonly text: string };
