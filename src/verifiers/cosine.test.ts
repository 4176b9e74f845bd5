import { describe, expect, it } from 'vitest';
import { cosineScaled } from './cosine.ts';
import type { CosineOptions } from './reward-config.ts';

const TRL: CosineOptions = { max_length: 100, min_value_wrong: -1, max_value_wrong: -0.5, min_value_correct: 0.5, max_value_correct: 1, clamp: true };
const OPEN_R1: CosineOptions = { ...TRL, clamp: false };

describe('cosineScaled', () => {
  it("reproduces TRL's example: max_len 100, 50 tokens → correct 0.75, wrong −0.75", () => {
    expect(cosineScaled(50, true, TRL)).toBe(0.75);
    expect(cosineScaled(50, false, TRL)).toBe(-0.75);
  });

  it('rewards short correct answers most (1) and long ones least (0.5)', () => {
    expect(cosineScaled(0, true, TRL)).toBe(1);
    expect(cosineScaled(100, true, TRL)).toBe(0.5);
  });

  it('punishes short wrong answers most (−1) and long ones least (−0.5)', () => {
    expect(cosineScaled(0, false, TRL)).toBe(-1);
    expect(cosineScaled(100, false, TRL)).toBe(-0.5);
  });

  it('clamps the length ratio at 1 by default (TRL)', () => {
    expect(cosineScaled(150, true, TRL)).toBe(0.5);
    expect(cosineScaled(300, false, TRL)).toBe(-0.5);
  });

  it('does not clamp with clamp false (open-r1): past max_len the cosine swings back up', () => {
    expect(cosineScaled(150, true, OPEN_R1)).toBeCloseTo(0.75, 12);
    expect(cosineScaled(200, true, OPEN_R1)).toBeCloseTo(1, 12);
  });

  it("reverses the wrong-answer ordering with open-r1's config default min_value_wrong 0", () => {
    const options = { ...OPEN_R1, min_value_wrong: 0 };
    expect(cosineScaled(0, false, options)).toBe(0);
    expect(cosineScaled(100, false, options)).toBe(-0.5);
  });
});
