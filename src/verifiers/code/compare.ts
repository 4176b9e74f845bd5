/**
 * Host-side comparison of a test's raw output with its expectation (the sandbox never sees expectations).
 * Text (stdio tests): `exact` identical up to one final newline; `lines` strict UTF-8, CRLF→LF, right-strip
 * each line, drop trailing blank lines, then line by line; `tokens` whitespace-separated tokens; `float`
 * tokens, numeric ones within tolerance. Values (call tests, JSON from the sandbox, see the sandbox
 * protocol): `exact` type-strict (bool ≠ number, null ≠ −1, 1 = 1.0, key order ignored); `float` numbers
 * within tolerance; `lines`/`tokens` apply when both sides are strings, else `exact`.
 */
import type { CompareMode } from '../../core/schemas/task.ts';

export interface Tolerance {
  /** Default 1e-6. */
  readonly absTol: number;
  /** Relative to the expected value. Default 1e-6. */
  readonly relTol: number;
}

/** Where the first difference is, with both sides cut to a few dozen characters. */
export interface Difference {
  readonly at: string;
  readonly expected: string;
  readonly actual: string;
}

export type Comparison = { readonly ok: true } | { readonly ok: false; readonly difference: Difference };

const SHOW_CHARS = 80;
const OK: Comparison = { ok: true };
const TAG = '\u0000';
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^([+-]?)(nan|inf|infinity)$/i;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function show(value: string): string {
  return value.length > SHOW_CHARS ? `${value.slice(0, SHOW_CHARS)}…` : value;
}

function differ(at: string, expected: string, actual: string): Comparison {
  return { ok: false, difference: { at, expected: show(expected), actual: show(actual) } };
}

function normalizedLines(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n').map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function tokens(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split(/\s+/);
}

function parseNumber(token: string): number | null {
  if (NUMBER.test(token)) return Number(token);
  const special = NON_FINITE.exec(token);
  if (special === null) return null;
  if ((special[2] ?? '').toLowerCase() === 'nan') return Number.NaN;
  return special[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}

/** NaN and infinities match only themselves; finite numbers within max(abs_tol, rel_tol·|expected|). */
export function closeEnough(expected: number, actual: number, tolerance: Tolerance): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return expected === actual;
  return Math.abs(actual - expected) <= Math.max(tolerance.absTol, tolerance.relTol * Math.abs(expected));
}

function compareTokens(expected: string[], actual: string[], float: Tolerance | null): Comparison {
  const count = Math.max(expected.length, actual.length);
  for (let i = 0; i < count; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === undefined || a === undefined) return differ(`token ${i + 1}`, e ?? '<missing>', a ?? '<missing>');
    if (e === a) continue;
    const eNumber = float === null ? null : parseNumber(e);
    const aNumber = eNumber === null ? null : parseNumber(a);
    if (eNumber !== null && aNumber !== null && float !== null && closeEnough(eNumber, aNumber, float)) continue;
    return differ(`token ${i + 1}`, e, a);
  }
  return OK;
}

/**
 * Compares a stdio test's output.
 * @example compareText('lines', '1\n2\n', '1  \r\n2', { absTol: 1e-6, relTol: 1e-6 }) // { ok: true }
 */
export function compareText(mode: CompareMode, expected: string, actual: string, tolerance: Tolerance): Comparison {
  if (LONE_SURROGATE.test(actual)) return differ('output', 'valid UTF-8', 'invalid UTF-8 (lone surrogate)');
  switch (mode) {
    case 'exact': {
      const e = expected.endsWith('\n') ? expected.slice(0, -1) : expected;
      const a = actual.endsWith('\n') ? actual.slice(0, -1) : actual;
      if (e === a) return OK;
      let i = 0;
      while (i < e.length && i < a.length && e[i] === a[i]) i++;
      return differ(`character ${i + 1}`, e.slice(i), a.slice(i));
    }
    case 'lines': {
      const e = normalizedLines(expected);
      const a = normalizedLines(actual);
      const count = Math.max(e.length, a.length);
      for (let i = 0; i < count; i++) {
        if (e[i] !== a[i]) return differ(`line ${i + 1}`, e[i] ?? '<missing>', a[i] ?? '<missing>');
      }
      return OK;
    }
    case 'tokens':
      return compareTokens(tokens(expected), tokens(actual), null);
    case 'float':
      return compareTokens(tokens(expected), tokens(actual), tolerance);
  }
}

function isTag(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && TAG in value && Object.keys(value).length === 1;
}

function describeValue(value: unknown): string {
  if (isTag(value)) return String(value[TAG]);
  return JSON.stringify(value) ?? String(value);
}

const NON_FINITE_NAMES: Readonly<Record<string, number>> = { nan: Number.NaN, inf: Infinity, '+inf': Infinity, infinity: Infinity, '+infinity': Infinity, '-inf': -Infinity, '-infinity': -Infinity };

function asFloat(value: unknown, expectedSide: boolean): number | null {
  if (typeof value === 'number') return value;
  if (!expectedSide && isTag(value)) {
    const name = value[TAG];
    return name === 'NaN' ? Number.NaN : name === 'Infinity' ? Infinity : name === '-Infinity' ? -Infinity : null;
  }
  if (expectedSide && typeof value === 'string') return NON_FINITE_NAMES[value.toLowerCase()] ?? null;
  return null;
}

function equalValues(expected: unknown, actual: unknown, path: string, float: Tolerance | null): Comparison {
  if (float !== null) {
    const e = asFloat(expected, true);
    const a = asFloat(actual, false);
    if (e !== null && a !== null && (typeof expected === 'number' || !Number.isFinite(e))) {
      return closeEnough(e, a, float) ? OK : differ(path, describeValue(expected), describeValue(actual));
    }
  }
  if (isTag(actual)) return differ(path, describeValue(expected), describeValue(actual));
  if (expected === null || typeof expected !== 'object') {
    return expected === actual && typeof expected === typeof actual ? OK : differ(path, describeValue(expected), describeValue(actual));
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return differ(path, describeValue(expected), describeValue(actual));
    if (expected.length !== actual.length) return differ(`${path}.length`, String(expected.length), String(actual.length));
    for (let i = 0; i < expected.length; i++) {
      const result = equalValues(expected[i], actual[i], `${path}[${i}]`, float);
      if (!result.ok) return result;
    }
    return OK;
  }
  if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return differ(path, describeValue(expected), describeValue(actual));
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const eKeys = Object.keys(e).sort();
  const aKeys = Object.keys(a).sort();
  for (const key of eKeys) if (!Object.hasOwn(a, key)) return differ(`${path}.${key}`, describeValue(e[key]), '<missing>');
  for (const key of aKeys) if (!Object.hasOwn(e, key)) return differ(`${path}.${key}`, '<missing>', describeValue(a[key]));
  for (const key of eKeys) {
    const result = equalValues(e[key], a[key], `${path}.${key}`, float);
    if (!result.ok) return result;
  }
  return OK;
}

/**
 * Compares a call test's return value (JSON text from the sandbox) with the expected value.
 * @example compareValue('exact', [1, 2], '[1,2.0]', { absTol: 1e-6, relTol: 1e-6 }) // { ok: true }
 * @example compareValue('exact', true, '1', { absTol: 1e-6, relTol: 1e-6 }).ok // false
 */
export function compareValue(mode: CompareMode, expected: unknown, actualJson: string, tolerance: Tolerance): Comparison {
  let actual: unknown;
  try {
    actual = JSON.parse(actualJson);
  } catch {
    return differ('$', describeValue(expected), 'unparseable return value');
  }
  if ((mode === 'lines' || mode === 'tokens') && typeof expected === 'string' && typeof actual === 'string') {
    return compareText(mode, expected, actual, tolerance);
  }
  return equalValues(expected, actual, '$', mode === 'float' ? tolerance : null);
}
