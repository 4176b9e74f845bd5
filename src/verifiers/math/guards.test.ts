import { describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS, MAX_NESTING_DEPTH, MAX_NUMBER_DIGITS, refuse } from './guards.ts';

describe('refuse', () => {
  it('lets an ordinary answer through', () => {
    expect(refuse('\\frac{1,234}{(2+3)}')).toBeNull();
  });

  it('refuses an answer that is too long', () => {
    expect(refuse('x'.repeat(MAX_ANSWER_CHARS + 1))).toBe('too many characters');
  });

  it('refuses a number with too many digits, counting across separators', () => {
    expect(refuse('9'.repeat(MAX_NUMBER_DIGITS + 1))).toBe('too many digits');
    expect(refuse(Array.from({ length: 110 }, () => '999').join(','))).toBe('too many digits');
    expect(refuse(Array.from({ length: 110 }, () => '999').join(', x'))).toBeNull();
  });

  it('refuses deep nesting of any bracket', () => {
    expect(refuse(`${'('.repeat(MAX_NESTING_DEPTH + 1)}1`)).toBe('nesting too deep');
    expect(refuse(`${'{'.repeat(MAX_NESTING_DEPTH)}1`)).toBeNull();
  });
});
