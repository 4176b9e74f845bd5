/**
 * Our parser for the answer shapes graders meet: numbers (thousands separators, scientific notation),
 * exact fractions and mixed numbers, percentages, `x = 3`, `\pm`, tuples, sets, answer lists,
 * intervals, choice letters, and formulas (via expr.ts); anything else is text. Guards run first.
 */
import { evaluate, evaluateExact, parseExpression, TooLarge } from './expr.ts';
import { refuse } from './guards.ts';
import { cleanLatex, toPlain } from './latex.ts';
import { parseDecimal, rational, toNumber, type Rational } from './rational.ts';
import type { MathValue } from './value.ts';

/** The outcome of parsing one answer: a value, or why there is none. */
export type Parsed =
  | { readonly ok: true; readonly value: MathValue }
  | { readonly ok: false; readonly reason: 'too_large' | 'empty'; readonly detail: string };

/**
 * Parses an answer (LaTeX or plain text) into a typed value. Never throws on model text.
 * @example parseAnswer('$\\frac{3}{6}$') // { ok: true, value: { kind: 'number', exact: { num: 1n, den: 2n }, … } }
 */
export function parseAnswer(raw: string): Parsed {
  const refusal = refuse(raw);
  if (refusal !== null) return { ok: false, reason: 'too_large', detail: refusal };
  const cleaned = cleanLatex(raw);
  if (cleaned === '') return { ok: false, reason: 'empty', detail: 'empty answer' };
  try {
    return { ok: true, value: parseClean(cleaned) };
  } catch (error) {
    if (error instanceof TooLarge) return { ok: false, reason: 'too_large', detail: error.message };
    throw error;
  }
}

/** Normalised text for exact comparison: no `\text{}` wrappers, spaces or case. */
export function normalizeText(s: string): string {
  return s.replace(/\\text\{([^{}]*)\}/g, '$1').replace(/\s+/g, '').toLowerCase();
}

function exactNumber(exact: Rational, percent = false): MathValue {
  return { kind: 'number', exact, approx: toNumber(exact), decimal: null, percent };
}

/** Index of the bracket closing the one at 0, counting `( [ {` against `) ] }` (intervals mix them). */
function closingIndex(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && --depth === 0) return i;
  }
  return -1;
}

/** Splits at top-level commas (and semicolons). */
function splitTop(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if ((c === ',' || c === ';') && depth === 0) {
      parts.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(s.slice(start).trim());
  return parts;
}

function items(inner: string): MathValue[] {
  return inner.trim() === '' ? [] : splitTop(inner).map((part) => parseClean(part));
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d{1,4})?$/;
const THOUSANDS = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[-+]?\d{1,3}(?: \d{3})+$/;
const SCIENTIFIC = /^([-+]?\d+(?:\.\d+)?)\s*(?:\\times|\\cdot|\*)\s*10\s*\^\s*\{?\s*([-+]?\d{1,4})\s*\}?$/;
const MIXED = /^([-+]?)(\d+)\s*\\frac\s*\{(\d+)\}\s*\{(\d+)\}$|^([-+]?)(\d+)\s+(\d+)\/(\d+)$/;

function decimalNumber(literal: string, percent = false): MathValue | null {
  const parsed = parseDecimal(literal.replace(/[ ,]/g, ''));
  if (parsed === null) return null;
  const isDecimal = /[.eE]/.test(literal);
  return {
    kind: 'number',
    exact: parsed.value,
    approx: toNumber(parsed.value),
    decimal: isDecimal ? { decimals: parsed.decimals, significant: parsed.significant } : null,
    percent,
  };
}

function parseClean(input: string): MathValue {
  const s = input.trim();
  const text = /^\\text\{([^{}]*)\}$/.exec(s);
  if (text !== null) return /^[\s\d.,()A-J-]+$/.test(text[1] as string) ? parseClean(text[1] as string) : { kind: 'text', text: normalizeText(s) };
  const choice = /^\(?([A-J])\)?$/.exec(s);
  if (choice !== null) return { kind: 'choice', letter: choice[1] as string };
  const equation = /^(?:[a-zA-Z]|\\[a-zA-Z]+)\s*=([^=]+)$/.exec(s);
  if (equation !== null) return parseClean(equation[1] as string);
  const infinity = /^([-+]?)\s*\\infty$/.exec(s);
  if (infinity !== null) return { kind: 'number', exact: null, approx: infinity[1] === '-' ? -Infinity : Infinity, decimal: null, percent: false };

  const pm = s.indexOf('\\pm');
  if (pm !== -1 && s.indexOf('\\pm', pm + 1) === -1) {
    const [before, after] = [s.slice(0, pm), s.slice(pm + 3)];
    return { kind: 'set', items: [parseClean(`${before}+${after}`), parseClean(`${before}-${after}`)] };
  }
  const percent = /^(.*?)\s*\\?%$/.exec(s);
  if (percent !== null) {
    const inner = parseClean(percent[1] as string);
    if (inner.kind === 'number') return { ...inner, percent: true };
    return { kind: 'text', text: normalizeText(s) };
  }

  if (s.startsWith('\\{') && s.endsWith('\\}')) return { kind: 'set', items: items(s.slice(2, -2)) };
  const first = s[0];
  const last = s[s.length - 1];
  if ((first === '(' || first === '[' || first === '{') && closingIndex(s) === s.length - 1) {
    const inner = s.slice(1, -1);
    const parts = items(inner);
    if (first === '{') return parts.length === 1 && parts[0] !== undefined ? parts[0] : { kind: 'set', items: parts };
    if (parts.length === 2 && !(first === '(' && last === ')')) {
      const [low, high] = parts as [MathValue, MathValue];
      return { kind: 'interval', low, high, lowClosed: first === '[', highClosed: last === ']' };
    }
    if (parts.length >= 2) return { kind: 'tuple', items: parts, pair: parts.length === 2 };
    if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  }

  if (NUMBER.test(s) || THOUSANDS.test(s)) {
    const number = decimalNumber(s);
    if (number !== null) return number;
  }
  const parts = splitTop(s);
  if (parts.length > 1) return { kind: 'set', items: parts.map((part) => parseClean(part)) };

  const scientific = SCIENTIFIC.exec(s);
  if (scientific !== null) {
    const number = decimalNumber(`${scientific[1] as string}e${scientific[2] as string}`);
    if (number !== null) return number;
  }
  const mixed = MIXED.exec(s);
  if (mixed !== null) {
    const [sign, whole, num, den] = mixed[2] === undefined ? mixed.slice(5, 9) : mixed.slice(1, 5);
    const value = rational(BigInt(whole as string) * BigInt(den as string) + BigInt(num as string), BigInt(den as string));
    if (value !== null) return exactNumber(sign === '-' ? { num: -value.num, den: value.den } : value);
  }
  return formula(s);
}

function formula(s: string): MathValue {
  const plain = toPlain(s);
  const expression = plain === null ? null : parseExpression(plain);
  if (expression === null) return { kind: 'text', text: normalizeText(s) };
  if (expression.symbols.length > 0) return { kind: 'expression', expression };
  const exact = evaluateExact(expression.node);
  if (exact !== null) return exactNumber(exact);
  const approx = evaluate(expression.node, new Map());
  if (!Number.isFinite(approx)) {
    if (Number.isNaN(approx)) return { kind: 'text', text: normalizeText(s) };
    throw new TooLarge('value out of range');
  }
  return { kind: 'number', exact: null, approx, decimal: null, percent: false };
}
