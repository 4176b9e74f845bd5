/**
 * Advantages for a whole request: every group in the resolved preset's convention, plus group
 * statistics. Pure and synchronous; float64 throughout (the trainers run float32, hence the 1e-5
 * parity tolerance of trainers.md §6).
 */
import type { GroupStats } from '../core/schemas/result.ts';
import type { ResolvedAdvantageConfig } from './presets.ts';
import { effectiveRewards, groupAdvantages } from './group-advantages.ts';
import { groupStats } from './group-stats.ts';
import { nanStd } from './stats.ts';

/** Per group, per completion advantages (null only where a trainer has none: openrlhf groups of one), and per group statistics. */
export interface AdvantageResult {
  advantages: (number | null)[][];
  stats: GroupStats[];
}

/**
 * Computes the advantages of every group of a request and the statistics of each group.
 * `correct[g][i]` (optional) marks completion i of group g as correct, for `pass_rate`.
 * Never returns NaN or Infinity: a non-finite advantage becomes 0 (TRL's nan_to_num).
 * Scale `batch` keeps each group's mean but divides by the std of all the request's rewards
 * (LitePPO, TRL `scale_rewards="batch"`), so it is computed across groups here.
 * @example
 * computeAdvantages([[1, 0, 0, 0], [0.5, 0.5]], resolveAdvantageConfig({ preset: 'trl' }))
 * // { advantages: [[1.4997…, -0.4999…, -0.4999…, -0.4999…], [0, 0]],
 * //   stats: [{ count: 4, scorable: 4, mean: 0.25, std: 0.5, pass_rate: null, zero_variance: false }, …] }
 */
export function computeAdvantages(
  groups: readonly (readonly (number | null)[])[],
  resolved: ResolvedAdvantageConfig,
  correct?: readonly (readonly boolean[])[],
): AdvantageResult {
  const effective = groups.map((rewards) => effectiveRewards(rewards, resolved));
  const batchStd =
    resolved.estimator === 'grpo' && resolved.scale === 'batch' ? nanStd(effective.flat(), resolved.std) : null;
  return {
    advantages: effective.map((rewards) => groupAdvantages(rewards, resolved, batchStd)),
    stats: groups.map((rewards, g) => groupStats(rewards, resolved.std, correct?.[g])),
  };
}
