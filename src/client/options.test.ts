import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL, resolveClientOptions } from './options.ts';

describe('client options', () => {
  it('takes the option over ARBITER_URL / ARBITER_API_KEY, and those over the defaults', () => {
    const env = { ARBITER_URL: 'http://grader.internal:9000/', ARBITER_API_KEY: 'env-key' };
    expect(resolveClientOptions({ baseUrl: 'https://arbiter.example/api/', apiKey: 'opt-key' }, env)).toMatchObject({ baseUrl: 'https://arbiter.example/api', apiKey: 'opt-key' });
    expect(resolveClientOptions({}, env)).toMatchObject({ baseUrl: 'http://grader.internal:9000', apiKey: 'env-key' });
    expect(resolveClientOptions({}, {})).toMatchObject({ baseUrl: DEFAULT_BASE_URL, apiKey: null, timeoutMs: 300_000, retry: { maxRetries: 2 } });
    expect(resolveClientOptions({}, { ARBITER_URL: ' ', ARBITER_API_KEY: '' })).toMatchObject({ baseUrl: DEFAULT_BASE_URL, apiKey: null });
  });

  it('sends no key when apiKey is null, whatever the environment says', () => {
    expect(resolveClientOptions({ apiKey: null }, { ARBITER_API_KEY: 'env-key' }).apiKey).toBeNull();
  });

  it('reads the environment from the env option, else process.env', () => {
    const saved = process.env['ARBITER_URL'];
    process.env['ARBITER_URL'] = 'http://from-process:1';
    try {
      expect(resolveClientOptions().baseUrl).toBe('http://from-process:1');
      expect(resolveClientOptions({ env: { ARBITER_URL: 'http://from-option:2' } }).baseUrl).toBe('http://from-option:2');
    } finally {
      if (saved === undefined) delete process.env['ARBITER_URL'];
      else process.env['ARBITER_URL'] = saved;
    }
  });

  it('sets maxRetries over the retry policy and keeps the other backoff settings', () => {
    expect(resolveClientOptions({ maxRetries: 5, retry: { maxRetries: 1, initialDelayMs: 10 } }, {}).retry).toEqual({
      maxRetries: 5,
      initialDelayMs: 10,
      maxDelayMs: 8000,
      jitter: 0.25,
      maxRetryAfterMs: 60_000,
    });
  });

  it('refuses a base URL that is not http(s) and negative counts, naming the option', () => {
    expect(() => resolveClientOptions({ baseUrl: 'grader:8080' }, {})).toThrow('baseUrl: expected http(s)://host[:port][/prefix], got "grader:8080"');
    expect(() => resolveClientOptions({}, { ARBITER_URL: 'not a url' })).toThrow(TypeError);
    expect(() => resolveClientOptions({ maxRetries: -1 }, {})).toThrow('maxRetries: expected a number ≥ 0, got -1');
    expect(() => resolveClientOptions({ timeoutMs: 0 }, {})).toThrow('timeoutMs: expected a number ≥ 1, got 0');
  });

  it('freezes what it resolved', () => {
    const resolved = resolveClientOptions({}, {});
    expect(Object.isFrozen(resolved) && Object.isFrozen(resolved.retry)).toBe(true);
  });
});
