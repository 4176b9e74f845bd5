import { describe, expect, it } from 'vitest';
import { pythonSplit, repetitionPenalty } from './repetition.ts';

describe('repetitionPenalty (open-r1 get_repetition_penalty_reward)', () => {
  it('is 0 for the empty completion', () => {
    expect(repetitionPenalty('', 3, -1)).toBe(0);
  });

  it('is 0 for fewer words than the n-gram size', () => {
    expect(repetitionPenalty('two words', 3, -1)).toBe(0);
  });

  it('is 0 when every n-gram is unique', () => {
    expect(repetitionPenalty('the cat sat on the mat', 3, -1)).toBe(0);
  });

  it('gives −0.75 for five equal words and bigrams (the reference example)', () => {
    expect(repetitionPenalty('a a a a a', 2, -1)).toBe(-0.75);
  });

  it('lowercases before splitting', () => {
    expect(repetitionPenalty('A a A a', 2, -1)).toBeCloseTo(-2 / 3, 15);
  });

  it('scales by max_penalty', () => {
    expect(repetitionPenalty('a a a a a', 2, -0.5)).toBe(-0.375);
    expect(repetitionPenalty('a b a', 1, -1)).toBeCloseTo(-1 / 3, 15);
  });

  it("splits on Python's whitespace (\\x1c, \\x85) but not on JavaScript-only whitespace (\\ufeff)", () => {
    expect(repetitionPenalty('a\x1ca', 1, -1)).toBe(-0.5);
    expect(repetitionPenalty('a\x85a', 1, -1)).toBe(-0.5);
    expect(repetitionPenalty('a\ufeffa', 1, -1)).toBe(0);
  });
});

describe('pythonSplit', () => {
  it('drops empty words at both ends and between separator runs', () => {
    expect(pythonSplit('  a \t\n b\u3000c\u2028 ')).toEqual(['a', 'b', 'c']);
    expect(pythonSplit('   ')).toEqual([]);
    expect(pythonSplit('')).toEqual([]);
  });
});
