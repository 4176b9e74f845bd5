/**
 * The advantage of every completion of one group, in the convention of the resolved preset.
 * Edge cases follow shared/reference/trainers.md §6 trainer by trainer; the table is in the JSDoc below.
 */
import { replacesNulls, type ResolvedAdvantageConfig } from './presets.ts';
import { isScorable, nanMean, nanStd, replaceNulls } from './stats.ts';

/**
 * The rewards the preset's trainer actually computes with: TRL presets keep null (excluded from the
 * statistics); verl and openrlhf put `fallbackReward` in place of null or a non-finite reward,
 * because those trainers cannot take None and NaN poisons their whole group.
 * @example effectiveRewards([1, null], resolveAdvantageConfig({ preset: 'verl', fallback_reward: -1 })) // [1, -1]
 * @example effectiveRewards([1, null], resolveAdvantageConfig()) // [1, null]
 */
export function effectiveRewards(rewards: readonly (number | null)[], resolved: ResolvedAdvantageConfig): (number | null)[] {
  return replacesNulls(resolved.preset) ? replaceNulls(rewards, resolved.fallbackReward) : rewards.map((r) => (isScorable(r) ? r : null));
}

/** A non-finite advantage would poison the trainer's loss; TRL's `nan_to_num` makes it 0, and so do we everywhere. */
function finiteOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/**
 * Advantages of one group. `rewards` are the effective rewards (see `effectiveRewards`); `batchStd`
 * is the std of every effective reward of the request, used only by grpo with scale `batch`
 * (null when undefined).
 *
 * | members with a reward | trl, trl_async | verl | openrlhf |
 * | --- | --- | --- | --- |
 * | 0 | all 0 | — (nulls were replaced) | — |
 * | 1 | 0 (TRL: std NaN → nan_to_num) | mean 0, std 1: grpo `R/(1+ε)`, none/dr_grpo/rloo `R` | null: OpenRLHF asserts n > 1 |
 * | ≥ 2 | formula; null rewards get 0 | formula | formula |
 *
 * Formulas for n ≥ 2 scorable members: grpo `(R − mean)/(std + ε)` (std of the group, or `batchStd`
 * for scale `batch`); scale `none` and dr_grpo `R − mean`; rloo `R − (ΣR − R)/(n − 1)`, computed as
 * the equal `n/(n − 1)·(R − mean)` so that an all-equal group gives exactly 0.
 * @example groupAdvantages([1, 0, 0, 0], resolveAdvantageConfig(), null) // [1.4997…, -0.4999…, -0.4999…, -0.4999…]
 * @example groupAdvantages([3], resolveAdvantageConfig({ preset: 'verl' }), null) // [2.999997]
 * @example groupAdvantages([3], resolveAdvantageConfig({ preset: 'openrlhf' }), null) // [null]
 */
export function groupAdvantages(
  rewards: readonly (number | null)[],
  resolved: ResolvedAdvantageConfig,
  batchStd: number | null,
): (number | null)[] {
  const scorable = rewards.filter(isScorable);
  const mean = nanMean(scorable);
  if (mean === null) return rewards.map(() => 0);
  if (scorable.length === 1) return singleton(rewards, resolved, batchStd);

  const n = scorable.length;
  const { estimator, scale, epsilon } = resolved;
  let compute: (r: number) => number;
  if (estimator === 'rloo') compute = (r) => (n / (n - 1)) * (r - mean);
  else if (estimator === 'dr_grpo' || scale === 'none') compute = (r) => r - mean;
  else {
    // A missing std (NaN in the trainers) makes the advantage NaN, which finiteOrZero turns into 0.
    const std = (scale === 'batch' ? batchStd : nanStd(scorable, resolved.std)) ?? Number.NaN;
    compute = (r) => (r - mean) / (std + epsilon);
  }
  return rewards.map((r) => (isScorable(r) ? finiteOrZero(compute(r)) : 0));
}

/** A group with exactly one scorable member: each trainer has its own rule (trainers.md §6, column n = 1). */
function singleton(
  rewards: readonly (number | null)[],
  resolved: ResolvedAdvantageConfig,
  batchStd: number | null,
): (number | null)[] {
  switch (resolved.preset) {
    case 'trl':
    case 'trl_async':
      // TRL: R − mean = 0 and the Bessel std is NaN; both paths end at 0, and so do unscorable rows.
      return rewards.map(() => 0);
    case 'openrlhf':
      // OpenRLHF asserts n_samples_per_prompt > 1 and would refuse the batch; there is no advantage
      // to reproduce, so we say so with null rather than invent a number. (With fallback rewards every
      // member is scorable, so one scorable member means a group of one.)
      return rewards.map(() => null);
    case 'verl':
      // verl special-cases a group of one: mean 0 and std 1, so the reward passes through (divided
      // by 1 + ε under grpo). verl has no batch scale; we divide by the batch std when it exists.
      return rewards.map((r) => {
        if (!isScorable(r)) return 0;
        if (resolved.estimator !== 'grpo' || resolved.scale === 'none') return r;
        const std = resolved.scale === 'batch' ? (batchStd ?? 1) : 1;
        return finiteOrZero(r / (std + resolved.epsilon));
      });
  }
}
