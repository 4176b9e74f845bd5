/**
 * Nan-aware mean and standard deviation over rewards where `null` means "unscorable".
 * NaN and ±Infinity count as missing too: a non-finite reward must never leak into a group statistic
 * (SPEC §2.4: NaN rewards poisoning a group is a complaint we exist to fix). All in float64.
 */
import type { AdvantageConfig } from '../core/schemas/advantage.ts';

/** `sample`: Bessel, divide by n − 1 (torch.std, TRL, verl, OpenRLHF); `population`: divide by n (numpy, TRL async worker). */
export type StdKind = NonNullable<AdvantageConfig['std']>;

/**
 * True for a reward that takes part in statistics: a finite number.
 * @example isScorable(0.5) // true; isScorable(null) // false; isScorable(NaN) // false
 */
export function isScorable(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The scorable rewards, in order.
 * @example scorableValues([1, null, NaN, 0]) // [1, 0]
 */
export function scorableValues(values: readonly (number | null)[]): number[] {
  return values.filter(isScorable);
}

/**
 * Mean of the scorable values, or null when there are none.
 * Computed as `x₀ + Σ(xᵢ − x₀)/n` so that a group of equal rewards has a mean exactly equal to them,
 * which makes `R − mean` exactly 0 (TRL and verl guarantee A = 0 for an all-equal group).
 * @example nanMean([1, null, 0, 0]) // 0.3333333333333333
 */
export function nanMean(values: readonly (number | null)[]): number | null {
  const xs = scorableValues(values);
  const first = xs[0];
  if (first === undefined) return null;
  let shifted = 0;
  for (const x of xs) shifted += x - first;
  return first + shifted / xs.length;
}

/**
 * Standard deviation of the scorable values (two-pass, around `nanMean`), or null when undefined:
 * no scorable value, or a single one under `sample` (n − 1 = 0; torch and numpy return NaN there).
 * @example nanStd([1, 0, 0, 0], 'sample') // 0.5
 * @example nanStd([1, 0, 0, 0], 'population') // 0.4330127018922193
 * @example nanStd([3], 'sample') // null
 */
export function nanStd(values: readonly (number | null)[], kind: StdKind): number | null {
  const xs = scorableValues(values);
  const mean = nanMean(xs);
  const divisor = kind === 'sample' ? xs.length - 1 : xs.length;
  if (mean === null || divisor <= 0) return null;
  let squares = 0;
  for (const x of xs) squares += (x - mean) ** 2;
  return Math.sqrt(squares / divisor);
}

/**
 * True when every scorable value is identical, including when there are 0 or 1 of them:
 * such a group carries no learning signal (DAPO dynamic sampling drops it).
 * @example allEqual([0.5, null, 0.5]) // true
 * @example allEqual([1, 0]) // false
 */
export function allEqual(values: readonly (number | null)[]): boolean {
  const xs = scorableValues(values);
  return xs.every((x) => x === xs[0]);
}

/**
 * Replaces every missing or non-finite value by `fallback`, for trainers that cannot take None.
 * @example replaceNulls([1, null, NaN], 0) // [1, 0, 0]
 */
export function replaceNulls(values: readonly (number | null)[], fallback: number): number[] {
  return values.map((v) => (isScorable(v) ? v : fallback));
}
