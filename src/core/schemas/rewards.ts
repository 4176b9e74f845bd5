/**
 * Reward configuration of a request: which components make the reward and with what weight and options.
 * Each component is a number (its weight, default options) or an object with `weight` and options.
 * Definitions and defaults: README "Reward components" and shared reference trainers.md §7.
 */
import { Type, type Static, type TProperties } from '@sinclair/typebox';

const Weight = Type.Number({ minimum: -1000, maximum: 1000, description: 'Weight in the weighted sum. Default 1.' });

function component<T extends TProperties>(options: T, description: string) {
  return Type.Union([Weight, Type.Object({ weight: Type.Optional(Weight), ...options }, { additionalProperties: false })], {
    description,
  });
}

export const FormatMode = Type.Union(
  [Type.Literal('r1'), Type.Literal('open_r1'), Type.Literal('think'), Type.Literal('tag_count')],
  { description: 'r1 (default): <think>…</think> then <answer>…</answer> and nothing else; open_r1: open-r1 format_reward regex; think: TRL think_format_reward; tag_count: open-r1 tag_count_reward (0.25 steps).' },
);

export const RewardsConfig = Type.Object(
  {
    accuracy: Type.Optional(component({}, 'Correctness from the task verifier: 1 correct, 0 wrong, fraction for partial credit.')),
    format: Type.Optional(component({ mode: Type.Optional(FormatMode) }, 'Template adherence.')),
    language: Type.Optional(
      component(
        {
          target: Type.Optional(
            Type.String({
              minLength: 2,
              maxLength: 16,
              description: 'Target language (en, zh, ja, ko, ru, ar, …) or script (latin, han, …). Default: the prompt’s dominant script, else en.',
            }),
          ),
        },
        'R1 language consistency: share of the words of the think span that are in the target language.',
      ),
    ),
    length: Type.Optional(
      component(
        {
          mode: Type.Optional(Type.Union([Type.Literal('dapo'), Type.Literal('kimi')], { description: 'dapo (default): soft overlong punishment; kimi: Kimi k1.5 group length reward.' })),
          max_length: Type.Optional(Type.Integer({ minimum: 1, description: 'dapo L_max. Default 16384.' })),
          cache_length: Type.Optional(Type.Integer({ minimum: 1, description: 'dapo L_cache (soft window). Default 4096.' })),
          penalty_factor: Type.Optional(Type.Number({ minimum: 0, description: 'dapo penalty scale. Default 1.' })),
        },
        'Length reward, in tokens when num_tokens is given, characters otherwise.',
      ),
    ),
    repetition: Type.Optional(
      component(
        {
          ngram_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 32, description: 'Default 3.' })),
          max_penalty: Type.Optional(Type.Number({ maximum: 0, description: 'Penalty at full repetition, ≤ 0. Default -1.' })),
        },
        'n-gram repetition penalty (open-r1 get_repetition_penalty_reward) over lowercased whitespace words.',
      ),
    ),
    cosine: Type.Optional(
      component(
        {
          max_length: Type.Optional(Type.Integer({ minimum: 1, description: 'Default 1000.' })),
          min_value_wrong: Type.Optional(Type.Number({ description: 'Default -1.' })),
          max_value_wrong: Type.Optional(Type.Number({ description: 'Default -0.5.' })),
          min_value_correct: Type.Optional(Type.Number({ description: 'Default 0.5.' })),
          max_value_correct: Type.Optional(Type.Number({ description: 'Default 1.' })),
          clamp: Type.Optional(Type.Boolean({ description: 'Clamp length/max_length to 1 (TRL). Default true; false is open-r1.' })),
        },
        'Cosine-scaled correctness by length.',
      ),
    ),
    stop_properly: Type.Optional(
      Type.Object(
        {
          coef: Type.Number({
            maximum: 1,
            description: 'For finish_reason "length": reward × coef when 0 ≤ coef ≤ 1, reward = coef when coef < 0.',
          }),
        },
        { additionalProperties: false, description: 'ProRL/OpenRLHF stop-properly penalty, applied to the weighted sum.' },
      ),
    ),
  },
  { additionalProperties: false, description: 'Reward components. Default: { "accuracy": 1, "format": 1 } (R1).' },
);

export type RewardsConfig = Static<typeof RewardsConfig>;
export type ComponentName = Exclude<keyof RewardsConfig, 'stop_properly'>;
export const COMPONENT_NAMES: readonly ComponentName[] = ['accuracy', 'format', 'language', 'length', 'repetition', 'cosine'];
