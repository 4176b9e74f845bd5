import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AdvantageConfig, AdvantagePreset } from '../core/schemas/advantage.ts';
import { computeAdvantages } from './estimators.ts';
import { resolveAdvantageConfig } from './presets.ts';

type Rewards = (number | null)[];
type VectorCase = { rewards: Rewards } & Partial<Record<string, number[]>>;

// The test reads its own copy so it never depends on ../shared; the drift test below compares them.
const fixtureUrl = new URL('../../test-fixtures/advantage-vectors.json', import.meta.url);
const sharedUrl = new URL('../../../shared/reference/advantage-vectors.json', import.meta.url);
const vectors = JSON.parse(readFileSync(fixtureUrl, 'utf8')) as VectorCase[];

const PRESETS: readonly AdvantagePreset[] = ['trl', 'trl_async', 'verl', 'openrlhf'];
const ESTIMATORS = ['grpo', 'dr_grpo', 'rloo'] as const;
const SCALES = ['group', 'batch', 'none'] as const;

/** Vector key → the configurations that must reproduce it (trainers.md §6). */
const KEY_CONFIGS: Record<string, readonly AdvantageConfig[]> = {
  trl_group: [{ preset: 'trl' }],
  verl_grpo: [{ preset: 'verl' }],
  verl_grpo_no_std: [{ preset: 'verl', scale: 'none' }],
  openrlhf_group_norm: [{ preset: 'openrlhf' }],
  dr_grpo: PRESETS.map((preset) => ({ preset, estimator: 'dr_grpo' })),
  rloo: PRESETS.map((preset) => ({ preset, estimator: 'rloo' })),
  trl_async_population_std: [{ preset: 'trl_async' }],
};

function advantagesOf(rewards: Rewards, config: AdvantageConfig = {}): (number | null)[] {
  const [advantages] = computeAdvantages([rewards], resolveAdvantageConfig(config)).advantages;
  if (advantages === undefined) throw new Error('no group returned');
  return advantages;
}

function expectClose(actual: readonly (number | null)[], expected: readonly number[], tolerance = 1e-6): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    expect(a).not.toBeNull();
    expect(Math.abs((a ?? Number.NaN) - (expected[i] ?? Number.NaN))).toBeLessThanOrEqual(tolerance);
  });
}

const parityCases = vectors.flatMap(({ rewards, ...expected }) =>
  Object.entries(expected).flatMap(([key, values]) => {
    const configs = KEY_CONFIGS[key];
    if (configs === undefined) throw new Error(`advantage-vectors.json has an unmapped key ${key}`);
    return configs.map((config) => ({ name: `${key} for [${rewards.join(', ')}] under ${JSON.stringify(config)}`, rewards, config, values: values ?? [] }));
  }),
);

describe('parity with the trainers (advantage-vectors.json)', () => {
  it('reads a non-trivial set of vectors', () => {
    expect(parityCases.length).toBeGreaterThan(30);
  });

  it.skipIf(!existsSync(sharedUrl))('keeps the test-fixtures copy identical to shared/reference', () => {
    expect(JSON.parse(readFileSync(sharedUrl, 'utf8'))).toEqual(vectors);
  });

  // A loop rather than it.each: it.each truncates long interpolated names.
  for (const { name, rewards, config, values } of parityCases) {
    it(`reproduces ${name} within 1e-6`, () => {
      expectClose(advantagesOf(rewards, config), values);
    });
  }
});

describe('batch scaling', () => {
  const groups: Rewards[] = [
    [1, 0, 0, 0],
    [1, 1, 1, 0],
  ];
  const all = [1, 0, 0, 0, 1, 1, 1, 0];
  const batchMean = all.reduce((a, b) => a + b, 0) / all.length;
  const squares = all.reduce((a, x) => a + (x - batchMean) ** 2, 0);

  it('keeps the group mean but divides by the Bessel std of every reward of the request (TRL)', () => {
    const std = Math.sqrt(squares / (all.length - 1));
    const { advantages } = computeAdvantages(groups, resolveAdvantageConfig({ scale: 'batch' }));
    expectClose(advantages[0] ?? [], [0.75, -0.25, -0.25, -0.25].map((d) => d / (std + 1e-4)), 1e-12);
    expectClose(advantages[1] ?? [], [0.25, 0.25, 0.25, -0.75].map((d) => d / (std + 1e-4)), 1e-12);
  });

  it('uses the population std of the request under trl_async', () => {
    const std = Math.sqrt(squares / all.length);
    const { advantages } = computeAdvantages(groups, resolveAdvantageConfig({ preset: 'trl_async', scale: 'batch' }));
    expectClose(advantages[0] ?? [], [0.75, -0.25, -0.25, -0.25].map((d) => d / (std + 1e-8)), 1e-12);
  });

  it('leaves nulls out of the TRL batch std and gives a lone scorable member 0', () => {
    const { advantages } = computeAdvantages([[1, null, 0, 0], [5, null]], resolveAdvantageConfig({ scale: 'batch' }));
    const std = Math.sqrt(((1 - 1.5) ** 2 + 2 * 1.5 ** 2 + 3.5 ** 2) / 3);
    expectClose(advantages[0] ?? [], [2 / 3 / (std + 1e-4), 0, -1 / 3 / (std + 1e-4), -1 / 3 / (std + 1e-4)], 1e-12);
    expect(advantages[1]).toEqual([0, 0]);
  });

  it('gives 0 everywhere when the whole request has a single scorable reward under TRL', () => {
    expect(computeAdvantages([[2]], resolveAdvantageConfig({ scale: 'batch' })).advantages).toEqual([[0]]);
  });
});

describe('null rewards', () => {
  it('excludes nulls from the TRL async statistics and gives them 0', () => {
    const std = Math.sqrt(2 / 9);
    expectClose(advantagesOf([1, null, 0, 0], { preset: 'trl_async' }), [2 / 3 / (std + 1e-8), 0, -1 / 3 / (std + 1e-8), -1 / 3 / (std + 1e-8)]);
  });

  it('uses only scorable members for the TRL rloo baseline and gives nulls 0', () => {
    expectClose(advantagesOf([1, null, 0, 0], { estimator: 'rloo' }), [1, 0, -0.5, -0.5], 1e-12);
  });

  it('gives every member 0 under TRL when only one member is scorable', () => {
    expect(advantagesOf([1, null, null], { preset: 'trl' })).toEqual([0, 0, 0]);
    expect(advantagesOf([1, null, null], { preset: 'trl', estimator: 'rloo' })).toEqual([0, 0, 0]);
    expect(advantagesOf([1, null, null], { preset: 'trl_async' })).toEqual([0, 0, 0]);
  });

  it('gives every member 0 under TRL when no member is scorable', () => {
    expect(advantagesOf([null, null], { preset: 'trl' })).toEqual([0, 0]);
  });

  it.each(['verl', 'openrlhf'] as const)('computes %s as if a null were the fallback reward, default 0', (preset) => {
    const asZero = advantagesOf([1, 0, 0, 0], { preset });
    expect(advantagesOf([1, null, 0, 0], { preset })).toEqual(asZero);
    expect(advantagesOf([1, null, 0, 0], { preset, fallback_reward: -1 })).toEqual(advantagesOf([1, -1, 0, 0], { preset }));
  });

  it('treats NaN and infinite rewards like null', () => {
    expect(advantagesOf([1, Number.NaN, 0, 0])).toEqual(advantagesOf([1, null, 0, 0]));
    expect(advantagesOf([1, Number.POSITIVE_INFINITY, 0, 0], { preset: 'verl' })).toEqual(advantagesOf([1, 0, 0, 0], { preset: 'verl' }));
  });
});

describe('groups of one', () => {
  it.each([
    [{ preset: 'trl' }, [0]],
    [{ preset: 'trl', scale: 'none' }, [0]],
    [{ preset: 'trl', estimator: 'rloo' }, [0]],
    [{ preset: 'trl_async' }, [0]],
    [{ preset: 'verl' }, [3 / (1 + 1e-6)]],
    [{ preset: 'verl', scale: 'none' }, [3]],
    [{ preset: 'verl', estimator: 'dr_grpo' }, [3]],
    [{ preset: 'verl', estimator: 'rloo' }, [3]],
    [{ preset: 'openrlhf' }, [null]],
    [{ preset: 'openrlhf', estimator: 'dr_grpo' }, [null]],
    [{ preset: 'openrlhf', estimator: 'rloo' }, [null]],
  ] as [AdvantageConfig, (number | null)[]][])('gives a group of one reward 3 under %j the advantage %j', (config, expected) => {
    expect(advantagesOf([3], config)).toEqual(expected);
  });

  it('gives a verl group of one a null reward the fallback reward divided by 1 + ε', () => {
    expect(advantagesOf([null], { preset: 'verl', fallback_reward: 2 })).toEqual([2 / (1 + 1e-6)]);
  });

  it('returns no advantages for an empty group', () => {
    expect(advantagesOf([])).toEqual([]);
  });
});

describe('all-equal groups', () => {
  const configs = PRESETS.flatMap((preset) =>
    ESTIMATORS.flatMap((estimator) => SCALES.map((scale) => ({ preset, estimator, scale }) as AdvantageConfig)),
  );

  it.each(configs)('gives exactly 0 to every member under %j', (config) => {
    // 0.1 × 7 does not sum to 0.7 in floating point: a naive mean would leave a residue.
    for (const rewards of [Array<number>(7).fill(0.1), [0.5, 0.5], [-2, -2, -2]]) {
      expect(advantagesOf(rewards, config).every((a) => a === 0)).toBe(true);
      expect(advantagesOf(rewards, { ...config, epsilon: 0 }).every((a) => a === 0)).toBe(true);
    }
  });
});

describe('no NaN or Infinity, ever', () => {
  /** mulberry32: a seeded generator, so a failure reproduces. */
  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const SPECIAL = [null, Number.NaN, Number.POSITIVE_INFINITY, 1e308, -1e308, 0, 1, 1e-300];

  it('returns a finite number or a documented null for random requests under every configuration', () => {
    const next = random(42);
    for (let trial = 0; trial < 400; trial += 1) {
      const groups: Rewards[] = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
        Array.from({ length: Math.floor(next() * 6) }, () =>
          next() < 0.3 ? (SPECIAL[Math.floor(next() * SPECIAL.length)] ?? null) : (next() - 0.5) * 10 ** Math.floor(next() * 6),
        ),
      );
      const config = {
        preset: PRESETS[trial % 4],
        estimator: ESTIMATORS[Math.floor(trial / 4) % 3],
        scale: SCALES[Math.floor(trial / 12) % 3],
        epsilon: next() < 0.2 ? 0 : next() * 1e-3,
      } as AdvantageConfig;
      const { advantages, stats } = computeAdvantages(groups, resolveAdvantageConfig(config));
      advantages.forEach((group, g) => {
        expect(group).toHaveLength(groups[g]?.length ?? -1);
        for (const a of group) {
          if (a === null) expect([config.preset, group.length]).toEqual(['openrlhf', 1]);
          else expect(Number.isFinite(a), `${JSON.stringify(config)} ${String(groups[g])}`).toBe(true);
        }
      });
      for (const s of stats) {
        for (const v of [s.mean, s.std, s.pass_rate]) expect(v === null || Number.isFinite(v)).toBe(true);
      }
    }
  });
});
