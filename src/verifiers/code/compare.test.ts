import { describe, expect, it } from 'vitest';
import { compareText, compareValue } from './compare.ts';

const tol = { absTol: 1e-6, relTol: 1e-6 };

describe('compareText', () => {
  it('lines: ignores CRLF, trailing spaces and trailing blank lines', () => {
    expect(compareText('lines', '1 2\n3\n', '1 2   \r\n3\r\n\r\n\n', tol)).toEqual({ ok: true });
  });

  it('lines: is case-sensitive, fails extra and missing lines and leading spaces', () => {
    expect(compareText('lines', 'YES', 'yes', tol)).toEqual({ ok: false, difference: { at: 'line 1', expected: 'YES', actual: 'yes' } });
    expect(compareText('lines', '1\n2', '1', tol)).toEqual({ ok: false, difference: { at: 'line 2', expected: '2', actual: '<missing>' } });
    expect(compareText('lines', '1', '1\n2', tol)).toEqual({ ok: false, difference: { at: 'line 2', expected: '<missing>', actual: '2' } });
    expect(compareText('lines', '1', ' 1', tol).ok).toBe(false);
  });

  it('lines: a prefix of the expected output is not enough', () => {
    expect(compareText('lines', '1\n2\n3', '1\n2', tol).ok).toBe(false);
  });

  it('rejects output that is not valid UTF-8', () => {
    expect(compareText('lines', 'a', 'a\uD800', tol).ok).toBe(false);
  });

  it('exact: tolerates only one final newline', () => {
    expect(compareText('exact', 'a b', 'a b\n', tol)).toEqual({ ok: true });
    expect(compareText('exact', 'a b', 'a  b', tol)).toEqual({ ok: false, difference: { at: 'character 3', expected: 'b', actual: ' b' } });
  });

  it('tokens: compares whitespace-separated tokens', () => {
    expect(compareText('tokens', '1 2\n3', ' 1\t2 3 \n', tol)).toEqual({ ok: true });
    expect(compareText('tokens', '1 2 3', '1 2', tol)).toEqual({ ok: false, difference: { at: 'token 3', expected: '3', actual: '<missing>' } });
  });

  it('float: accepts numbers within tolerance and nan/inf only when expected literally', () => {
    expect(compareText('float', '0.3333333 x', '0.33333334 x', tol)).toEqual({ ok: true });
    expect(compareText('float', '1000000', '1000000.5', tol)).toEqual({ ok: true });
    expect(compareText('float', '0.5', '0.51', tol).ok).toBe(false);
    expect(compareText('float', 'nan', 'NaN', tol)).toEqual({ ok: true });
    expect(compareText('float', '1', 'nan', tol).ok).toBe(false);
    expect(compareText('float', 'inf', '-inf', tol).ok).toBe(false);
    expect(compareText('float', 'abc', 'abd', tol).ok).toBe(false);
  });
});

describe('compareValue', () => {
  it('exact: is type-strict', () => {
    expect(compareValue('exact', true, '1', tol).ok).toBe(false);
    expect(compareValue('exact', null, '-1', tol).ok).toBe(false);
    expect(compareValue('exact', '1', '1', tol).ok).toBe(false);
    expect(compareValue('exact', 1, '1.0', tol)).toEqual({ ok: true });
  });

  it('exact: ignores key order, not missing or extra keys', () => {
    expect(compareValue('exact', { a: 1, b: [1, 2] }, '{"b":[1,2],"a":1}', tol)).toEqual({ ok: true });
    expect(compareValue('exact', { a: 1 }, '{"a":1,"b":2}', tol)).toEqual({ ok: false, difference: { at: '$.b', expected: '<missing>', actual: '2' } });
    expect(compareValue('exact', [1, [2, 3]], '[1,[2,4]]', tol)).toEqual({ ok: false, difference: { at: '$[1][1]', expected: '3', actual: '4' } });
  });

  it('never matches undefined, NaN or functions against JSON values', () => {
    expect(compareValue('exact', null, '{"\\u0000":"undefined"}', tol)).toEqual({ ok: false, difference: { at: '$', expected: 'null', actual: 'undefined' } });
    expect(compareValue('exact', { '\u0000': 'NaN' }, '{"\\u0000":"NaN"}', tol).ok).toBe(false);
    expect(compareValue('exact', 0, '{"\\u0000":"function"}', tol).ok).toBe(false);
  });

  it('float: compares numbers anywhere in the value within tolerance', () => {
    expect(compareValue('float', [0.1, { x: 2 }], '[0.1000000001,{"x":2.0000001}]', tol)).toEqual({ ok: true });
    expect(compareValue('float', [0.1], '[0.2]', tol).ok).toBe(false);
    expect(compareValue('float', 'NaN', '{"\\u0000":"NaN"}', tol)).toEqual({ ok: true });
    expect(compareValue('float', '-inf', '{"\\u0000":"-Infinity"}', tol)).toEqual({ ok: true });
    expect(compareValue('float', 1, '{"\\u0000":"Infinity"}', tol).ok).toBe(false);
  });

  it('lines and tokens apply to string return values', () => {
    expect(compareValue('lines', 'a\nb', '"a  \\nb\\n"', tol)).toEqual({ ok: true });
    expect(compareValue('tokens', [1], '[1]', tol)).toEqual({ ok: true });
  });
});
