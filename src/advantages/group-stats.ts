/** Per-group statistics reported with every result (SPEC §2.3): what the group's rewards looked like. */
import type { GroupStats } from '../core/schemas/result.ts';
import { allEqual, isScorable, nanMean, nanStd, type StdKind } from './stats.ts';

/** JSON has no NaN or Infinity; an undefined or overflowed statistic is reported as null. */
function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * Statistics of one group's rewards as graded, before any fallback replaces a null: `scorable`
 * counts finite rewards, `mean` and `std` are over them (std with the preset's ddof, null when
 * undefined such as one value under `sample`), `pass_rate` is the fraction of `correct` that is true
 * (null without `correct` or when it is empty), and `zero_variance` flags a group whose scorable
 * rewards are all equal, including a group with 0 or 1 of them.
 * @example
 * groupStats([1, null, 0, 0], 'sample', [true, false, false, false])
 * // { count: 4, scorable: 3, mean: 0.333…, std: 0.577…, pass_rate: 0.25, zero_variance: false }
 */
export function groupStats(rewards: readonly (number | null)[], std: StdKind, correct?: readonly boolean[]): GroupStats {
  const passed = correct?.filter(Boolean).length ?? 0;
  return {
    count: rewards.length,
    scorable: rewards.filter(isScorable).length,
    mean: finiteOrNull(nanMean(rewards)),
    std: finiteOrNull(nanStd(rewards, std)),
    pass_rate: correct !== undefined && correct.length > 0 ? passed / correct.length : null,
    zero_variance: allEqual(rewards),
  };
}
