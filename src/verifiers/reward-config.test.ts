import { describe, expect, it } from 'vitest';
import type { RewardsConfig } from '../core/schemas/rewards.ts';
import { RewardConfigError, resolveRewards } from './reward-config.ts';

function rejection(config: RewardsConfig): unknown {
  try {
    resolveRewards(config);
  } catch (error) {
    if (error instanceof RewardConfigError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a RewardConfigError');
}

describe('resolveRewards', () => {
  it("defaults to R1's accuracy + format, weight 1 each, strict r1 format", () => {
    expect(resolveRewards()).toEqual({
      components: ['accuracy', 'format'],
      accuracy: { weight: 1 },
      format: { weight: 1, mode: 'r1' },
      language: null,
      length: null,
      repetition: null,
      cosine: null,
      stop_properly: null,
    });
  });

  it('reads a number as the weight with default options', () => {
    expect(resolveRewards({ accuracy: 2, length: 0.5, cosine: 1, repetition: 1, language: 0.1 })).toEqual({
      components: ['accuracy', 'language', 'length', 'repetition', 'cosine'],
      accuracy: { weight: 2 },
      format: null,
      language: { weight: 0.1, target: null },
      length: { weight: 0.5, mode: 'dapo', max_length: 16384, cache_length: 4096, penalty_factor: 1 },
      repetition: { weight: 1, ngram_size: 3, max_penalty: -1 },
      cosine: { weight: 1, max_length: 1000, min_value_wrong: -1, max_value_wrong: -0.5, min_value_correct: 0.5, max_value_correct: 1, clamp: true },
      stop_properly: null,
    });
  });

  it('reads an object as options with weight 1 by default', () => {
    const resolved = resolveRewards({
      format: { mode: 'tag_count' },
      language: { target: 'zh', weight: 0.5 },
      length: { mode: 'kimi' },
      repetition: { ngram_size: 2, max_penalty: -0.5 },
      cosine: { max_length: 100, clamp: false },
      stop_properly: { coef: -1 },
    });
    expect(resolved.format).toEqual({ weight: 1, mode: 'tag_count' });
    expect(resolved.language).toEqual({ weight: 0.5, target: 'zh' });
    expect(resolved.length).toMatchObject({ weight: 1, mode: 'kimi' });
    expect(resolved.repetition).toEqual({ weight: 1, ngram_size: 2, max_penalty: -0.5 });
    expect(resolved.cosine).toMatchObject({ max_length: 100, clamp: false, min_value_wrong: -1 });
    expect(resolved.stop_properly).toEqual({ coef: -1 });
  });

  it('lists requested components in COMPONENT_NAMES order, whatever the request order', () => {
    expect(resolveRewards({ cosine: 1, format: 1, accuracy: 1 }).components).toEqual(['accuracy', 'format', 'cosine']);
  });

  it('is deeply frozen and survives a structured clone and a JSON round trip unchanged', () => {
    const resolved = resolveRewards({ accuracy: 1, length: { max_length: 100, cache_length: 10 } });
    expect(Object.isFrozen(resolved)).toBe(true);
    expect(Object.isFrozen(resolved.length)).toBe(true);
    expect(Object.isFrozen(resolved.components)).toBe(true);
    expect(structuredClone(resolved)).toEqual(resolved);
    expect(JSON.parse(JSON.stringify(resolved))).toEqual(resolved);
  });

  it('rejects a cache window longer than max_length', () => {
    expect(rejection({ length: { max_length: 100, cache_length: 200 } })).toMatchInlineSnapshot(`
      {
        "field": "rewards.length.cache_length",
        "message": "must be ≤ max_length (100), got 200",
      }
    `);
    expect(rejection({ length: { cache_length: 20_000 } })).toMatchInlineSnapshot(`
      {
        "field": "rewards.length.cache_length",
        "message": "must be ≤ max_length (16384), got 20000",
      }
    `);
  });

  it('rejects an unknown language target', () => {
    expect(rejection({ language: { target: 'klingon' } })).toMatchInlineSnapshot(`
      {
        "field": "rewards.language.target",
        "message": "unknown language target "klingon"",
      }
    `);
  });

  it('rejects DAPO options in kimi mode', () => {
    expect(rejection({ length: { mode: 'kimi', max_length: 100 } })).toMatchInlineSnapshot(`
      {
        "field": "rewards.length.max_length",
        "message": "applies to mode "dapo" only, not "kimi"",
      }
    `);
  });

  it('rejects a configuration that requests no component', () => {
    expect(rejection({})).toMatchInlineSnapshot(`
      {
        "field": "rewards",
        "message": "requests no component; name at least one of accuracy, format, language, length, repetition, cosine",
      }
    `);
    expect(rejection({ stop_properly: { coef: 0.5 } })).toMatchObject({ field: 'rewards' });
  });

  it('rejects non-finite numbers and values outside what the trainers allow', () => {
    expect(rejection({ accuracy: Number.NaN })).toMatchInlineSnapshot(`
      {
        "field": "rewards.accuracy",
        "message": "must be a finite number, got NaN",
      }
    `);
    expect(rejection({ cosine: { max_value_correct: Infinity } })).toMatchObject({ field: 'rewards.cosine.max_value_correct' });
    expect(rejection({ repetition: { max_penalty: 1 } })).toMatchInlineSnapshot(`
      {
        "field": "rewards.repetition.max_penalty",
        "message": "must be ≤ 0, got 1",
      }
    `);
    expect(rejection({ accuracy: 1, stop_properly: { coef: 2 } })).toMatchObject({ field: 'rewards.stop_properly.coef' });
  });
});
