/**
 * Our parser for the answer shapes graders meet: numbers (thousands separators, scientific notation, a
 * decimal comma where the other side settles it), exact fractions and mixed numbers, percentages, tuples,
 * sets, answer lists, intervals and their unions, relations (parse-relations.ts), matrices
 * (parse-matrix.ts), choice letters, and formulas (expr.ts); anything else is text. Guards run first.
 */
import { evaluateComplex } from './complex.ts';
import { evaluate, evaluateExact, NOISE_PER_MAGNITUDE, type Magnitude } from './evaluate.ts';
import { parseExpression, TooLarge, type LogBase } from './expr.ts';
import { refuse } from './guards.ts';
import { cleanLatex, toPlain } from './latex.ts';
import { evaluateLn, MAX_LN_ABS } from './magnitude.ts';
import { matrixValue } from './parse-matrix.ts';
import { hasRelation, relationValue, splitRelations } from './parse-relations.ts';
import { setOperationValue } from './parse-sets.ts';
import { parseDecimal, rational, toNumber, type Rational } from './rational.ts';
import type { MathValue, NumberValue } from './value.ts';
import { splitTopLevel } from './split-top.ts';

/** The outcome of parsing one answer: a value, or why there is none. */
export type Parsed =
  | { readonly ok: true; readonly value: MathValue }
  | { readonly ok: false; readonly reason: 'too_large' | 'empty'; readonly detail: string };

/**
 * Parses an answer (LaTeX or plain text) into a typed value. Never throws on model text. A bare `log` is
 * read with `logBase` (default natural).
 * @example parseAnswer('$\\frac{3}{6}$') // { ok: true, value: { kind: 'number', exact: { num: 1n, den: 2n }, … } }
 */
export function parseAnswer(raw: string, logBase: LogBase = 'e'): Parsed {
  const refusal = refuse(raw);
  if (refusal !== null) return { ok: false, reason: 'too_large', detail: refusal };
  const cleaned = cleanLatex(raw);
  if (cleaned === '') return { ok: false, reason: 'empty', detail: 'empty answer' };
  try {
    return { ok: true, value: PARSERS[logBase].parse(cleaned) };
  } catch (error) {
    if (error instanceof TooLarge) return { ok: false, reason: 'too_large', detail: error.message };
    throw error;
  }
}

/** Normalised text for exact comparison: no `\text{}` wrappers, spaces or case. */
export function normalizeText(s: string): string {
  return s.replace(/\\text\{([^{}]*)\}/g, '$1').replace(/\s+/g, '').toLowerCase();
}

const text = (s: string): MathValue => ({ kind: 'text', text: normalizeText(s) });

function exactNumber(exact: Rational): NumberValue {
  return { kind: 'number', exact, approx: toNumber(exact), noise: 0, decimal: null, percent: false };
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
const LIST_SEPARATOR = { value: ',', length: 1 } as const;
function splitTop(s: string): string[] {
  return splitTopLevel(s, (text, i) => (text[i] === ',' || text[i] === ';' ? LIST_SEPARATOR : null)).parts;
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d{1,4})?$/;
// A leading 0 is never followed by a thousands separator: `0,111` is a decimal comma or a list.
const THOUSANDS = /^[-+]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$|^[-+]?[1-9]\d{0,2}(?: \d{3})+$/;
const COMMA_DECIMAL = /^([-+]?\d+),(\d+)$/;
const SCIENTIFIC = /^([-+]?\d+(?:\.\d+)?)\s*(?:\\times|\\cdot|\*)\s*10\s*\^\s*\{?\s*([-+]?\d{1,4})\s*\}?$/;
const MIXED = /^([-+]?)(\d+)\s*\\frac\s*\{(\d+)\}\s*\{(\d+)\}$|^([-+]?)(\d+)\s+(\d+)\/(\d+)$/;
const REPEATING = /^([-+]?)(\d*)\.(\d*)\\overline\{(\d{1,20})\}$/;
const SET_BUILDER = /^\s*[a-zA-Z]\s*(?:\\mid|\||:)\s*(.+)$/s;
const REALS = /^\\mathbb\{?R\}?$/;
const EMPTY_SET = /^(?:\\emptyset|\\varnothing|\\\{\s*\\\})$/;

function decimalNumber(literal: string): NumberValue | null {
  const parsed = parseDecimal(literal.replace(/[ ,]/g, ''));
  if (parsed === null) return null;
  const isDecimal = /[.eE]/.test(literal);
  return {
    kind: 'number',
    exact: parsed.value,
    approx: toNumber(parsed.value),
    noise: 0,
    decimal: isDecimal ? { decimals: parsed.decimals, significant: parsed.significant } : null,
    percent: false,
  };
}

/** `0.1\overline{6}` = 1/6: the fixed digits, then the repeating block. */
function repeatingDecimal(m: RegExpExecArray): MathValue {
  const [, sign = '', whole = '', fixed = '', block = ''] = m;
  const all = BigInt(`${whole}${fixed}${block}`);
  const head = BigInt(`${whole}${fixed}` || '0');
  const value = rational(all - head, 10n ** BigInt(fixed.length) * (10n ** BigInt(block.length) - 1n));
  if (value === null) return text(m[0]);
  return exactNumber(sign === '-' ? { num: -value.num, den: value.den } : value);
}

const INFINITY = (sign: 1 | -1): NumberValue => ({ kind: 'number', exact: null, approx: sign * Infinity, noise: 0, decimal: null, percent: false });

/** One parse: carries the `log` convention through the recursive descent. */
class Parser {
  constructor(private readonly logBase: LogBase) {}

  readonly parse = (input: string): MathValue => {
    const s = input.trim();
    if (NUMBER.test(s)) return decimalNumber(s) ?? text(s);
    const wrapped = /^\\text\{([^{}]*)\}$/.exec(s);
    if (wrapped !== null) return /^[\s\d.,()A-J-]+$/.test(wrapped[1] as string) ? this.parse(wrapped[1] as string) : text(s);
    const choice = /^\(?([A-J])\)?$/.exec(s);
    if (choice !== null) return { kind: 'choice', letter: choice[1] as string };
    if (s.startsWith('\\begin')) return matrixValue(s, this.parse) ?? text(s);
    const sets = setOperationValue(s, this.parse, text);
    if (sets !== null) return sets;

    const parts = splitTop(s);
    if (parts.length > 1 && parts.every(hasRelation)) return { kind: 'set', items: parts.map(this.parse) };
    if (splitRelations(s).operators.length > 0) return relationValue(s, this.parse) ?? text(s);
    return this.shape(s, parts);
  };

  /** Everything but relations and set operations: ±, %, brackets, numbers, lists, formulas. */
  private shape(s: string, parts: readonly string[]): MathValue {
    if (REALS.test(s)) return { kind: 'interval', low: INFINITY(-1), high: INFINITY(1), lowClosed: false, highClosed: false };
    if (EMPTY_SET.test(s)) return { kind: 'set', items: [] };
    const infinity = /^([-+]?)\s*\\infty$/.exec(s);
    if (infinity !== null) return INFINITY(infinity[1] === '-' ? -1 : 1);
    const pm = s.indexOf('\\pm');
    if (pm !== -1 && s.indexOf('\\pm', pm + 1) === -1) {
      // `\pm 1.41421` → `+1.41421`, `-1.41421`: kept as decimal literals, so they keep their precision.
      const [before, after] = [s.slice(0, pm), s.slice(pm + 3).trimStart()];
      return { kind: 'set', items: [this.parse(`${before}+${after}`), this.parse(`${before}-${after}`)] };
    }
    const percent = s.endsWith('%') ? /^(.*?)\s*\\?%$/.exec(s) : null;
    if (percent !== null) {
      const inner = this.parse(percent[1] as string);
      return inner.kind === 'number' ? { ...inner, percent: true } : text(s);
    }
    if (s.startsWith('\\{') && s.endsWith('\\}')) return this.braces(s.slice(2, -2));
    const bracketed = this.brackets(s);
    if (bracketed !== null) return bracketed;
    if (THOUSANDS.test(s)) {
      const number = decimalNumber(s);
      if (number !== null) return number;
    }
    if (parts.length > 1) {
      const items = parts.map(this.parse);
      const comma = COMMA_DECIMAL.exec(s);
      const commaDecimal = comma === null ? null : decimalNumber(`${comma[1] as string}.${comma[2] as string}`);
      return commaDecimal === null ? { kind: 'set', items } : { kind: 'set', items, commaDecimal };
    }
    const scientific = SCIENTIFIC.exec(s);
    if (scientific !== null) {
      const number = decimalNumber(`${scientific[1] as string}e${scientific[2] as string}`);
      if (number !== null) return number;
    }
    const repeating = REPEATING.exec(s);
    if (repeating !== null) return repeatingDecimal(repeating);
    const mixed = MIXED.exec(s);
    if (mixed !== null) {
      const [sign, whole, num, den] = mixed[2] === undefined ? mixed.slice(5, 9) : mixed.slice(1, 5);
      const value = rational(BigInt(whole as string) * BigInt(den as string) + BigInt(num as string), BigInt(den as string));
      if (value !== null) return exactNumber(sign === '-' ? { num: -value.num, den: value.den } : value);
    }
    return this.formula(s);
  }

  /** `\{1, 2\}` is a set; `\{x \mid x > 2\}` is the set its condition describes. */
  private braces(inner: string): MathValue {
    const builder = SET_BUILDER.exec(inner);
    if (builder === null) return { kind: 'set', items: this.items(inner) };
    const condition = this.parse(builder[1] as string);
    return condition.kind === 'interval' || condition.kind === 'union' || condition.kind === 'set' ? condition : text(`\\{${inner}\\}`);
  }

  private items(inner: string): MathValue[] {
    return inner.trim() === '' ? [] : splitTop(inner).map(this.parse);
  }

  /** `(…)`, `[…]`, `{…}` around the whole text: a tuple, an interval, or just grouping. */
  private brackets(s: string): MathValue | null {
    const first = s[0];
    const last = s[s.length - 1];
    if (!(first === '(' || first === '[' || first === '{') || closingIndex(s) !== s.length - 1) return null;
    const parts = this.items(s.slice(1, -1));
    if (first === '{') return parts.length === 1 && parts[0] !== undefined ? parts[0] : { kind: 'set', items: parts };
    if (parts.length === 2 && !(first === '(' && last === ')')) {
      const [low, high] = parts as [MathValue, MathValue];
      return { kind: 'interval', low, high, lowClosed: first === '[', highClosed: last === ']' };
    }
    if (parts.length >= 2) return { kind: 'tuple', items: parts, pair: parts.length === 2 };
    return parts.length === 1 && parts[0] !== undefined ? parts[0] : null;
  }

  private formula(s: string): MathValue {
    const plain = toPlain(s);
    const expression = plain === null ? null : parseExpression(plain, this.logBase);
    if (expression === null) return text(s);
    if (expression.symbols.length > 0) return { kind: 'expression', expression };
    const size: Magnitude = { largest: 0 };
    if (expression.imaginary) {
      const z = evaluateComplex(expression.node, new Map(), size);
      return Number.isFinite(z.re) && Number.isFinite(z.im) ? { kind: 'complex', re: z.re, im: z.im, noise: NOISE_PER_MAGNITUDE * size.largest } : text(s);
    }
    const exact = evaluateExact(expression.node);
    if (exact !== null) return exactNumber(exact);
    const approx = evaluate(expression.node, new Map(), size);
    if (Number.isFinite(approx) && approx !== 0) return { kind: 'number', exact: null, approx, noise: NOISE_PER_MAGNITUDE * size.largest, decimal: null, percent: false };
    // Past double range, underflowed to 0, or ∞/∞ on the way (`\frac{3000!}{1500!^2}`): by logarithms, up to a bound.
    const logarithm = evaluateLn(expression.node);
    if (logarithm !== null && Number.isFinite(logarithm.lnAbs)) {
      if (Math.abs(logarithm.lnAbs) > MAX_LN_ABS) throw new TooLarge('value out of range');
      if (Math.abs(logarithm.lnAbs) > 700) return { kind: 'magnitude', negative: logarithm.negative, lnAbs: logarithm.lnAbs };
      const value = (logarithm.negative ? -1 : 1) * Math.exp(logarithm.lnAbs);
      if (approx !== 0) return { kind: 'number', exact: null, approx: value, noise: NOISE_PER_MAGNITUDE * Math.abs(value) * (1 + Math.abs(logarithm.lnAbs)), decimal: null, percent: false };
    }
    if (approx === 0) return { kind: 'number', exact: null, approx, noise: NOISE_PER_MAGNITUDE * size.largest, decimal: null, percent: false };
    if (Number.isNaN(approx)) {
      // A real formula that leaves the reals: `\sqrt{-4}` is 2i.
      const z = evaluateComplex(expression.node, new Map(), size);
      return Number.isFinite(z.re) && Number.isFinite(z.im) ? { kind: 'complex', re: z.re, im: z.im, noise: NOISE_PER_MAGNITUDE * size.largest } : text(s);
    }
    throw new TooLarge('value out of range');
  }
}

const PARSERS: Readonly<Record<LogBase, Parser>> = { e: new Parser('e'), '10': new Parser('10') };
