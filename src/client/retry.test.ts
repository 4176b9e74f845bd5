import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, backoffDelayMs, parseRetryAfterMs, retryDelayMs, shouldRetryStatus } from './retry.ts';

const headers = (init: Record<string, string>) => new Headers(init);

describe('retry policy', () => {
  it('retries 408, 409, 429 and 5xx, except JOB_CANCELLED; never other 4xx', () => {
    expect([408, 409, 429, 500, 502, 503, 504].map((s) => shouldRetryStatus(s))).toEqual([true, true, true, true, true, true, true]);
    expect([400, 401, 403, 404, 413, 415, 422].map((s) => shouldRetryStatus(s))).toEqual([false, false, false, false, false, false, false]);
    expect(shouldRetryStatus(409, 'JOB_CANCELLED')).toBe(false);
    expect(shouldRetryStatus(503, 'QUEUE_UNAVAILABLE')).toBe(true);
  });

  it('reads Retry-After as seconds or an HTTP date, and retry-after-ms first; null when absent or unreadable', () => {
    const nowMs = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfterMs(headers({ 'retry-after': '3' }))).toBe(3000);
    expect(parseRetryAfterMs(headers({ 'retry-after': '1.5' }))).toBe(1500);
    expect(parseRetryAfterMs(headers({ 'retry-after': 'Wed, 21 Oct 2015 07:28:02 GMT' }), nowMs)).toBe(2000);
    expect(parseRetryAfterMs(headers({ 'retry-after': 'Wed, 21 Oct 2015 07:27:00 GMT' }), nowMs)).toBe(0);
    expect(parseRetryAfterMs(headers({ 'retry-after': '3', 'retry-after-ms': '250' }))).toBe(250);
    expect(parseRetryAfterMs(headers({ 'retry-after': 'soon' }))).toBeNull();
    expect(parseRetryAfterMs(headers({}))).toBeNull();
    expect(parseRetryAfterMs(null)).toBeNull();
  });

  it('backs off exponentially up to the maximum, minus up to a quarter at random', () => {
    const none = () => 0;
    const most = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, DEFAULT_RETRY_POLICY, none))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffDelayMs(0, DEFAULT_RETRY_POLICY, most)).toBeCloseTo(375, 3);
    for (let i = 0; i < 100; i++) {
      const delay = backoffDelayMs(2, DEFAULT_RETRY_POLICY);
      expect(delay).toBeGreaterThan(1500);
      expect(delay).toBeLessThanOrEqual(2000);
    }
  });

  it('prefers the server’s Retry-After unless it is longer than maxRetryAfterMs', () => {
    expect(retryDelayMs(0, headers({ 'retry-after': '7' }), DEFAULT_RETRY_POLICY, () => 0)).toBe(7000);
    expect(retryDelayMs(1, headers({ 'retry-after': '600' }), DEFAULT_RETRY_POLICY, () => 0)).toBe(1000);
    expect(retryDelayMs(1, null, DEFAULT_RETRY_POLICY, () => 0)).toBe(1000);
  });
});
