/** Advantage configuration: a trainer preset, optionally overridden field by field. */
import { Type, type Static } from '@sinclair/typebox';

export const AdvantagePreset = Type.Union(
  [Type.Literal('trl'), Type.Literal('trl_async'), Type.Literal('verl'), Type.Literal('openrlhf')],
  { description: 'Trainer whose constants and edge cases to reproduce. Default trl.' },
);

export const AdvantageConfig = Type.Object(
  {
    preset: Type.Optional(AdvantagePreset),
    estimator: Type.Optional(
      Type.Union([Type.Literal('grpo'), Type.Literal('dr_grpo'), Type.Literal('rloo')], {
        description: 'grpo (default): (r − mean)/(std + ε); dr_grpo: r − mean; rloo: leave-one-out baseline.',
      }),
    ),
    scale: Type.Optional(
      Type.Union([Type.Literal('group'), Type.Literal('batch'), Type.Literal('none')], {
        description: 'grpo std scaling: by group (default), by the std of the whole request, or none.',
      }),
    ),
    epsilon: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Added to std. Preset default.' })),
    std: Type.Optional(
      Type.Union([Type.Literal('sample'), Type.Literal('population')], { description: 'Bessel (n−1) or population (n). Preset default.' }),
    ),
    fallback_reward: Type.Optional(
      Type.Number({
        description: 'verl and openrlhf presets: reward used in place of null (unscorable) for the advantage, as those trainers cannot take None. Default 0.',
      }),
    ),
  },
  { additionalProperties: false },
);

export type AdvantagePreset = Static<typeof AdvantagePreset>;
export type AdvantageConfig = Static<typeof AdvantageConfig>;
