import { describe, expect, it } from 'vitest';
import { codePointCount, completionLength, dapoOverlong, kimiLengthRewards, stopProperly } from './length.ts';

const DAPO = { max_length: 16384, cache_length: 4096, penalty_factor: 1 };

describe('dapoOverlong (DAPO Eq. 13)', () => {
  it('is 0 up to L_max − L_cache', () => {
    expect(dapoOverlong(0, DAPO)).toBe(0);
    expect(dapoOverlong(12288, DAPO)).toBe(0);
  });

  it('ramps linearly from 0 to −1 inside the cache window', () => {
    expect(dapoOverlong(12289, DAPO)).toBe(-1 / 4096);
    expect(dapoOverlong(14336, DAPO)).toBe(-0.5);
    expect(dapoOverlong(16384, DAPO)).toBe(-1);
  });

  it('is −1 beyond L_max', () => {
    expect(dapoOverlong(16385, DAPO)).toBe(-1);
    expect(dapoOverlong(1_000_000, DAPO)).toBe(-1);
  });

  it("reproduces TRL's example: (100, 20) at 90 tokens gives −0.5", () => {
    expect(dapoOverlong(90, { max_length: 100, cache_length: 20, penalty_factor: 1 })).toBe(-0.5);
  });

  it('scales by penalty_factor and never returns −0', () => {
    expect(dapoOverlong(90, { max_length: 100, cache_length: 20, penalty_factor: 0.5 })).toBe(-0.25);
    expect(dapoOverlong(200, { max_length: 100, cache_length: 20, penalty_factor: 2 })).toBe(-2);
    expect(Object.is(dapoOverlong(200, { max_length: 100, cache_length: 20, penalty_factor: 0 }), 0)).toBe(true);
  });

  it('treats every length as inside the window when cache_length equals max_length', () => {
    expect(dapoOverlong(50, { max_length: 100, cache_length: 100, penalty_factor: 1 })).toBe(-0.5);
  });
});

describe('kimiLengthRewards (Kimi k1.5 §2.3.3)', () => {
  it('gives correct answers λ = 0.5 − (len − min)/(max − min)', () => {
    expect(kimiLengthRewards([10, 20, 30], [true, true, true])).toEqual([0.5, 0, -0.5]);
  });

  it('caps wrong answers at min(0, λ): a short wrong answer earns nothing', () => {
    expect(kimiLengthRewards([10, 20, 30], [false, false, false])).toEqual([0, 0, -0.5]);
    expect(kimiLengthRewards([10, 20, 30], [true, true, false])).toEqual([0.5, 0, -0.5]);
  });

  it('gives all zeros when every length is equal', () => {
    expect(kimiLengthRewards([7, 7, 7], [true, false, true])).toEqual([0, 0, 0]);
  });

  it('gives null where correctness is unknown, while its length still sets min and max', () => {
    expect(kimiLengthRewards([10, 30, 20], [true, null, true])).toEqual([0.5, null, 0]);
  });
});

describe('stopProperly (ProRL / OpenRLHF)', () => {
  it('multiplies a truncated reward by a coefficient in [0, 1]', () => {
    expect(stopProperly(2, 0.5, 'length')).toBe(1);
    expect(stopProperly(2, 0, 'length')).toBe(0);
    expect(stopProperly(2, 1, 'length')).toBe(2);
  });

  it('replaces a truncated reward by a negative coefficient', () => {
    expect(stopProperly(2, -1, 'length')).toBe(-1);
  });

  it('leaves completions that stopped, or whose finish reason is unknown, unchanged', () => {
    expect(stopProperly(2, -1, 'stop')).toBe(2);
    expect(stopProperly(2, 0.5, null)).toBe(2);
  });
});

describe('completionLength', () => {
  it('uses the token count when one is given', () => {
    expect(completionLength({ text: 'hello', finishReason: null, numTokens: 7 })).toEqual({ length: 7, unit: 'tokens' });
  });

  it('counts Unicode code points otherwise, so an emoji is one character', () => {
    expect(completionLength({ text: 'a😀中', finishReason: null, numTokens: null })).toEqual({ length: 3, unit: 'chars' });
  });

  it('counts a lone surrogate as one character', () => {
    expect(codePointCount('a\ud800b')).toBe(3);
    expect(codePointCount('\udc00\ud800')).toBe(2);
    expect(codePointCount('')).toBe(0);
  });
});
