/**
 * Trainer presets for advantages: each trainer's constants (ε, std ddof) and null handling, so a caller
 * names the trainer it runs and gets that trainer's numbers. Sources: shared/reference/trainers.md §2.4,
 * §2.8, §3.4, §4.4 and §6.
 */
import type { AdvantageConfig, AdvantagePreset } from '../core/schemas/advantage.ts';
import type { ResolvedAdvantage } from '../core/schemas/result.ts';
import type { StdKind } from './stats.ts';

/** `grpo`: (R − mean)/(std + ε); `dr_grpo`: R − mean (same as scale `none`); `rloo`: leave-one-out baseline. */
export type Estimator = NonNullable<AdvantageConfig['estimator']>;
/** What grpo divides by: the group's std, the std of every reward of the request, or nothing. */
export type Scale = NonNullable<AdvantageConfig['scale']>;

/** A complete, frozen advantage configuration: preset defaults with the caller's overrides applied. */
export interface ResolvedAdvantageConfig {
  readonly preset: AdvantagePreset;
  readonly estimator: Estimator;
  readonly scale: Scale;
  /** Added to the std before dividing. */
  readonly epsilon: number;
  readonly std: StdKind;
  /** verl and openrlhf only: used in place of a null reward in the computation. Ignored by the TRL presets. */
  readonly fallbackReward: number;
}

type PresetDefaults = Pick<ResolvedAdvantageConfig, 'epsilon' | 'std'>;

const PRESET_DEFAULTS: Readonly<Record<AdvantagePreset, PresetDefaults>> = {
  // GRPOTrainer: `std + 1e-4`, torch nanstd (Bessel).
  trl: { epsilon: 1e-4, std: 'sample' },
  // trl.experimental.async_grpo: numpy population std over scorable rows, `+ 1e-8`.
  trl_async: { epsilon: 1e-8, std: 'population' },
  // core_algos.compute_grpo_outcome_advantage: torch.std (Bessel) `+ 1e-6`.
  verl: { epsilon: 1e-6, std: 'sample' },
  // experience_maker group_norm: `std + 1e-9`, Bessel.
  openrlhf: { epsilon: 1e-9, std: 'sample' },
};

/** The preset used when the request names none: TRL's GRPOTrainer, the most common trainer in the wild. */
export const DEFAULT_PRESET: AdvantagePreset = 'trl';

/**
 * True when the preset's trainer cannot take a missing reward (verl and OpenRLHF build tensors from
 * the rewards, where None crashes and NaN poisons the group), so a null reward is replaced by
 * `fallbackReward`. TRL excludes nulls from the group statistics instead and gives them A = 0.
 * @example replacesNulls('verl') // true
 * @example replacesNulls('trl') // false
 */
export function replacesNulls(preset: AdvantagePreset): boolean {
  return preset === 'verl' || preset === 'openrlhf';
}

/**
 * Applies the preset's defaults (default preset `trl`, estimator `grpo`, scale `group`,
 * fallback reward 0), then every field the caller set explicitly. The result is frozen.
 * Assumes `config` passed the AdvantageConfig schema; a non-finite number still throws a RangeError,
 * because it would silently turn every advantage into 0.
 * @example
 * resolveAdvantageConfig({ preset: 'verl', epsilon: 1e-3 })
 * // { preset: 'verl', estimator: 'grpo', scale: 'group', epsilon: 0.001, std: 'sample', fallbackReward: 0 }
 */
export function resolveAdvantageConfig(config: AdvantageConfig = {}): ResolvedAdvantageConfig {
  const preset = config.preset ?? DEFAULT_PRESET;
  const defaults = PRESET_DEFAULTS[preset];
  const epsilon = config.epsilon ?? defaults.epsilon;
  const fallbackReward = config.fallback_reward ?? 0;
  if (!Number.isFinite(epsilon) || epsilon < 0) throw new RangeError(`advantage epsilon must be a finite number ≥ 0, got ${epsilon}`);
  if (!Number.isFinite(fallbackReward)) throw new RangeError(`advantage fallback_reward must be finite, got ${fallbackReward}`);
  return Object.freeze({
    preset,
    estimator: config.estimator ?? 'grpo',
    scale: config.scale ?? 'group',
    epsilon,
    std: config.std ?? defaults.std,
    fallbackReward,
  });
}

/**
 * The resolved configuration as reported in the response (`GradeResponse.advantage`), so a caller
 * can see exactly which constants produced its advantages. The fallback reward is internal.
 * @example
 * toWireAdvantage(resolveAdvantageConfig())
 * // { preset: 'trl', estimator: 'grpo', scale: 'group', epsilon: 0.0001, std: 'sample' }
 */
export function toWireAdvantage(resolved: ResolvedAdvantageConfig): ResolvedAdvantage {
  const { preset, estimator, scale, epsilon, std } = resolved;
  return { preset, estimator, scale, epsilon, std };
}
