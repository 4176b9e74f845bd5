import { describe, expect, it } from 'vitest';
import { computeAdvantages } from './estimators.ts';
import { groupStats } from './group-stats.ts';
import { resolveAdvantageConfig } from './presets.ts';

describe('group statistics', () => {
  it('reports count, scorable count, mean, std and pass rate of a group with a null reward', () => {
    const stats = groupStats([1, null, 0, 0], 'sample', [true, false, false, false]);
    expect(stats).toMatchObject({ count: 4, scorable: 3, pass_rate: 0.25, zero_variance: false });
    expect(stats.mean).toBeCloseTo(1 / 3, 15);
    expect(stats.std).toBeCloseTo(Math.sqrt(1 / 3), 15);
  });

  it('has no pass rate without correctness flags', () => {
    expect(groupStats([1, 0], 'sample').pass_rate).toBeNull();
    expect(groupStats([1, 0], 'sample', []).pass_rate).toBeNull();
  });

  it('has no sample std for a single scorable reward, and a population std of 0', () => {
    expect(groupStats([2, null], 'sample')).toEqual({ count: 2, scorable: 1, mean: 2, std: null, pass_rate: null, zero_variance: true });
    expect(groupStats([2, null], 'population').std).toBe(0);
  });

  it('flags zero variance for all-equal, single and empty groups', () => {
    expect(groupStats([0.5, 0.5, null], 'sample').zero_variance).toBe(true);
    expect(groupStats([null, null], 'sample')).toEqual({ count: 2, scorable: 0, mean: null, std: null, pass_rate: null, zero_variance: true });
    expect(groupStats([], 'sample').zero_variance).toBe(true);
  });

  it('reports an overflowing std as null rather than Infinity', () => {
    expect(groupStats([1e308, -1e308], 'sample').std).toBeNull();
  });

  it('describes the rewards as graded, before verl replaces a null with the fallback', () => {
    const { stats } = computeAdvantages(
      [[1, null, 1], [0, 1]],
      resolveAdvantageConfig({ preset: 'verl', fallback_reward: -5 }),
      [[true, false, true]],
    );
    expect(stats).toEqual([
      { count: 3, scorable: 2, mean: 1, std: 0, pass_rate: 2 / 3, zero_variance: true },
      { count: 2, scorable: 2, mean: 0.5, std: Math.SQRT1_2, pass_rate: null, zero_variance: false },
    ]);
  });

  it('uses the preset std convention for the reported std', () => {
    const { stats } = computeAdvantages([[1, 0, 0, 0]], resolveAdvantageConfig({ preset: 'trl_async' }));
    expect(stats[0]?.std).toBeCloseTo(Math.sqrt(3) / 4, 15);
  });
});
