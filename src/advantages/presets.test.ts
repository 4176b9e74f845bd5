import { describe, expect, it } from 'vitest';
import { ResolvedAdvantage } from '../core/schemas/result.ts';
import { listProblems } from '../core/validate.ts';
import { replacesNulls, resolveAdvantageConfig, toWireAdvantage } from './presets.ts';

describe('resolveAdvantageConfig', () => {
  it('defaults to the TRL GRPOTrainer convention when no config is given', () => {
    expect(resolveAdvantageConfig()).toEqual({
      preset: 'trl',
      estimator: 'grpo',
      scale: 'group',
      epsilon: 1e-4,
      std: 'sample',
      fallbackReward: 0,
    });
  });

  it.each([
    ['trl', 1e-4, 'sample'],
    ['trl_async', 1e-8, 'population'],
    ['verl', 1e-6, 'sample'],
    ['openrlhf', 1e-9, 'sample'],
  ] as const)('gives preset %s epsilon %s and %s std', (preset, epsilon, std) => {
    expect(resolveAdvantageConfig({ preset })).toMatchObject({ preset, estimator: 'grpo', scale: 'group', epsilon, std });
  });

  it('lets an explicit epsilon beat the preset default', () => {
    expect(resolveAdvantageConfig({ preset: 'verl', epsilon: 1e-3 }).epsilon).toBe(1e-3);
    expect(resolveAdvantageConfig({ preset: 'openrlhf', epsilon: 0 }).epsilon).toBe(0);
  });

  it('lets every other explicit field beat the preset too', () => {
    expect(
      resolveAdvantageConfig({ preset: 'trl_async', estimator: 'rloo', scale: 'batch', std: 'sample', fallback_reward: -1 }),
    ).toEqual({ preset: 'trl_async', estimator: 'rloo', scale: 'batch', epsilon: 1e-8, std: 'sample', fallbackReward: -1 });
  });

  it('returns a frozen object', () => {
    const resolved = resolveAdvantageConfig({ preset: 'verl' });
    expect(Object.isFrozen(resolved)).toBe(true);
  });

  it('rejects a non-finite epsilon or fallback reward that slipped past the schema', () => {
    expect(() => resolveAdvantageConfig({ epsilon: Number.NaN })).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: advantage epsilon must be a finite number ≥ 0, got NaN]`,
    );
    expect(() => resolveAdvantageConfig({ fallback_reward: Number.POSITIVE_INFINITY })).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: advantage fallback_reward must be finite, got Infinity]`,
    );
  });
});

describe('replacesNulls', () => {
  it('replaces nulls only for trainers that cannot take None', () => {
    expect([replacesNulls('trl'), replacesNulls('trl_async'), replacesNulls('verl'), replacesNulls('openrlhf')]).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});

describe('toWireAdvantage', () => {
  it('reports the resolved constants in the ResolvedAdvantage wire shape, without the internal fallback', () => {
    const wire = toWireAdvantage(resolveAdvantageConfig({ preset: 'openrlhf', fallback_reward: 2 }));
    expect(wire).toEqual({ preset: 'openrlhf', estimator: 'grpo', scale: 'group', epsilon: 1e-9, std: 'sample' });
    expect(listProblems(ResolvedAdvantage, wire)).toEqual([]);
  });
});
