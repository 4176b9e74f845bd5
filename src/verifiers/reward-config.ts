/**
 * Resolves a request's `rewards` into a frozen, plain-JSON configuration with every default filled in,
 * once per request. It crosses to the pool's worker threads by structured clone, so it holds data only.
 * Definitions and defaults: shared reference trainers.md §7 and the schema in core/schemas/rewards.ts.
 */
import { COMPONENT_NAMES, type ComponentName, type RewardsConfig } from '../core/schemas/rewards.ts';
import { isKnownLanguageTarget } from './language-targets.ts';
import { RewardConfigError } from './reward-config-error.ts';

export { RewardConfigError } from './reward-config-error.ts';

export type FormatMode = 'r1' | 'open_r1' | 'think' | 'tag_count';

/** Options of the cosine-scaled reward (open-r1 / TRL names). */
export interface CosineOptions {
  readonly max_length: number;
  readonly min_value_wrong: number;
  readonly max_value_wrong: number;
  readonly min_value_correct: number;
  readonly max_value_correct: number;
  readonly clamp: boolean;
}

/** Options of the DAPO soft overlong punishment (Eq. 13). */
export interface OverlongOptions {
  readonly max_length: number;
  readonly cache_length: number;
  readonly penalty_factor: number;
}

/** Every component with its weight and options; null when not requested. */
export interface ResolvedRewards {
  /** Requested components, in COMPONENT_NAMES order. */
  readonly components: readonly ComponentName[];
  readonly accuracy: { readonly weight: number } | null;
  /** Default mode 'r1'. */
  readonly format: { readonly weight: number; readonly mode: FormatMode } | null;
  /** target null (default): inferred from the prompt per group. */
  readonly language: { readonly weight: number; readonly target: string | null } | null;
  /** Default mode 'dapo', 16384 / 4096 / 1; max_length etc. are unused in mode 'kimi'. */
  readonly length: ({ readonly weight: number; readonly mode: 'dapo' | 'kimi' } & OverlongOptions) | null;
  /** Defaults ngram_size 3, max_penalty -1. */
  readonly repetition: { readonly weight: number; readonly ngram_size: number; readonly max_penalty: number } | null;
  /** Defaults 1000, -1, -0.5, 0.5, 1, clamp true. */
  readonly cosine: ({ readonly weight: number } & CosineOptions) | null;
  /** ProRL stop-properly coefficient; null when not configured. */
  readonly stop_properly: { readonly coef: number } | null;
}

/** The R1 default: accuracy + format, weight 1 each. */
export const DEFAULT_REWARDS: RewardsConfig = { accuracy: 1, format: 1 };

type Section<K extends ComponentName> = Exclude<NonNullable<RewardsConfig[K]>, number>;

function finite(field: string, value: number): number {
  if (!Number.isFinite(value)) throw new RewardConfigError(field, `must be a finite number, got ${String(value)}`);
  return value;
}

/** Splits `3` or `{ weight: 3, ...options }` into the weight and the options object. */
function section<K extends ComponentName>(name: K, value: RewardsConfig[K]): { weight: number; options: Partial<Section<K>> } | null {
  if (value === undefined) return null;
  if (typeof value === 'number') return { weight: finite(`rewards.${name}`, value), options: {} };
  const options = value as Section<K> & { weight?: number };
  for (const [key, v] of Object.entries(options)) if (typeof v === 'number') finite(`rewards.${name}.${key}`, v);
  return { weight: options.weight ?? 1, options };
}

function resolveLength(value: RewardsConfig['length']): ResolvedRewards['length'] {
  const s = section('length', value);
  if (s === null) return null;
  const mode = s.options.mode ?? 'dapo';
  if (mode === 'kimi') {
    for (const key of ['max_length', 'cache_length', 'penalty_factor'] as const) {
      if (s.options[key] !== undefined) throw new RewardConfigError(`rewards.length.${key}`, 'applies to mode "dapo" only, not "kimi"');
    }
  }
  const max = s.options.max_length ?? 16384;
  const cache = s.options.cache_length ?? 4096;
  if (cache > max) throw new RewardConfigError('rewards.length.cache_length', `must be ≤ max_length (${max}), got ${cache}`);
  return { weight: s.weight, mode, max_length: max, cache_length: cache, penalty_factor: s.options.penalty_factor ?? 1 };
}

function resolveLanguage(value: RewardsConfig['language']): ResolvedRewards['language'] {
  const s = section('language', value);
  if (s === null) return null;
  const target = s.options.target ?? null;
  if (target !== null && !isKnownLanguageTarget(target)) {
    throw new RewardConfigError('rewards.language.target', `unknown language target "${target}"`);
  }
  return { weight: s.weight, target };
}

function resolveRepetition(value: RewardsConfig['repetition']): ResolvedRewards['repetition'] {
  const s = section('repetition', value);
  if (s === null) return null;
  const maxPenalty = s.options.max_penalty ?? -1;
  // open-r1 raises ValueError for a positive max_penalty: it would reward repetition.
  if (maxPenalty > 0) throw new RewardConfigError('rewards.repetition.max_penalty', `must be ≤ 0, got ${maxPenalty}`);
  return { weight: s.weight, ngram_size: s.options.ngram_size ?? 3, max_penalty: maxPenalty };
}

function resolveCosine(value: RewardsConfig['cosine']): ResolvedRewards['cosine'] {
  const s = section('cosine', value);
  if (s === null) return null;
  const o = s.options;
  return {
    weight: s.weight,
    max_length: o.max_length ?? 1000,
    min_value_wrong: o.min_value_wrong ?? -1,
    max_value_wrong: o.max_value_wrong ?? -0.5,
    min_value_correct: o.min_value_correct ?? 0.5,
    max_value_correct: o.max_value_correct ?? 1,
    clamp: o.clamp ?? true,
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Fills in defaults and checks what the schema cannot express. Throws RewardConfigError naming the field.
 * @example resolveRewards() // { components: ['accuracy', 'format'], accuracy: { weight: 1 }, format: { weight: 1, mode: 'r1' }, … }
 * @example resolveRewards({ length: { cache_length: 20000 } }) // throws RewardConfigError (rewards.length.cache_length)
 */
export function resolveRewards(config: RewardsConfig = DEFAULT_REWARDS): ResolvedRewards {
  const accuracy = section('accuracy', config.accuracy);
  const format = section('format', config.format);
  const stop = config.stop_properly;
  if (stop !== undefined) {
    finite('rewards.stop_properly.coef', stop.coef);
    if (stop.coef > 1) throw new RewardConfigError('rewards.stop_properly.coef', `must be ≤ 1, got ${stop.coef}`);
  }
  const resolved: Omit<ResolvedRewards, 'components'> = {
    accuracy: accuracy && { weight: accuracy.weight },
    format: format && { weight: format.weight, mode: format.options.mode ?? 'r1' },
    language: resolveLanguage(config.language),
    length: resolveLength(config.length),
    repetition: resolveRepetition(config.repetition),
    cosine: resolveCosine(config.cosine),
    stop_properly: stop === undefined ? null : { coef: stop.coef },
  };
  const components = COMPONENT_NAMES.filter((name) => resolved[name] !== null);
  if (components.length === 0) throw new RewardConfigError('rewards', `requests no component; name at least one of ${COMPONENT_NAMES.join(', ')}`);
  return deepFreeze({ components, ...resolved });
}
