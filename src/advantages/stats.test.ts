import { describe, expect, it } from 'vitest';
import { allEqual, nanMean, nanStd, replaceNulls, scorableValues } from './stats.ts';

describe('nan-aware statistics', () => {
  it('ignores null, NaN and infinite values', () => {
    expect(scorableValues([1, null, Number.NaN, Number.POSITIVE_INFINITY, 0])).toEqual([1, 0]);
    expect(nanMean([1, null, Number.NaN, 0, 0])).toBeCloseTo(1 / 3, 15);
  });

  it('has no mean or std for a group without scorable values', () => {
    expect(nanMean([])).toBeNull();
    expect(nanMean([null, null])).toBeNull();
    expect(nanStd([null], 'population')).toBeNull();
  });

  it('divides by n − 1 for sample std and by n for population std', () => {
    expect(nanStd([1, 0, 0, 0], 'sample')).toBeCloseTo(0.5, 15);
    expect(nanStd([1, 0, 0, 0], 'population')).toBeCloseTo(Math.sqrt(3) / 4, 15);
  });

  it('has no sample std for one value but a population std of 0', () => {
    expect(nanStd([3, null], 'sample')).toBeNull();
    expect(nanStd([3, null], 'population')).toBe(0);
  });

  it('gives a mean exactly equal to the values of an all-equal group, so r − mean is exactly 0', () => {
    const xs = Array.from({ length: 7 }, () => 0.1);
    expect(nanMean(xs)).toBe(0.1);
    expect(nanStd(xs, 'sample')).toBe(0);
  });

  it('calls a group with 0 or 1 scorable values all equal', () => {
    expect(allEqual([])).toBe(true);
    expect(allEqual([null, 2])).toBe(true);
    expect(allEqual([2, null, 2])).toBe(true);
    expect(allEqual([2, 1])).toBe(false);
  });

  it('replaces missing and non-finite values by the fallback', () => {
    expect(replaceNulls([1, null, Number.NaN], -1)).toEqual([1, -1, -1]);
  });
});
