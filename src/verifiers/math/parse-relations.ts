/**
 * Relations: equations (`y = 2x+1`, `x = 3`, chains `x = 2\cdot 3 = 6`), inequalities and their chains
 * (`1 < x <= 3` is the interval (1, 3]), `x != 3`, and membership (`x \in [1, 2)`). Works on text cleaned by
 * latex.ts, where relation symbols are already `<=`, `>=`, `!=`.
 */
import type { IntervalValue, MathValue } from './value.ts';
import { complementOf } from './intervals.ts';
import { splitTopLevel, type Separator } from './split-top.ts';

/** Parses one cleaned answer text (parse.ts's parser, passed in to keep the modules acyclic). */
export type ParseText = (text: string) => MathValue;

type Operator = '=' | '<' | '<=' | '>' | '>=' | '!=' | 'in';

const OPERATOR_AT = /^(?:<=|>=|!=|\\in(?![a-zA-Z])|<|>|=)/;

/** A lone variable: `x`, `\theta`, `a_n`, `f(x)`, `P(x, y)`. */
const LONE_SYMBOL = /^(?:[a-zA-Z]|\\[a-zA-Z]+)(?:_\{?[a-zA-Z0-9]+\}?)?(?:\(\s*[a-zA-Z](?:\s*,\s*[a-zA-Z])*\s*\))?$/;
/** A tuple of variables: `(x, y)`. */
const SYMBOL_TUPLE = /^\(\s*[a-zA-Z](?:\s*,\s*[a-zA-Z])+\s*\)$/;

/**
 * The text split at relation symbols outside brackets: parts and the operators between them.
 * @example splitRelations('1 < x <= 3') // { parts: ['1', 'x', '3'], operators: ['<', '<='] }
 */
export function splitRelations(s: string): { parts: string[]; operators: Operator[] } {
  const { parts, separators } = splitTopLevel(s, (text, i): Separator<Operator> | null => {
    const c = text[i];
    if (c !== '<' && c !== '>' && c !== '=' && c !== '!' && c !== '\\') return null;
    const m = OPERATOR_AT.exec(text.slice(i, i + 4));
    return m === null ? null : { value: m[0] === '\\in' ? 'in' : (m[0] as Operator), length: m[0].length };
  });
  return { parts, operators: separators };
}

/** Whether the text has a relation symbol outside brackets. */
export function hasRelation(s: string): boolean {
  return splitRelations(s).operators.length > 0;
}

const isConstant = (v: MathValue): boolean => v.kind === 'number' || v.kind === 'magnitude';
const isFormula = (v: MathValue): boolean => isConstant(v) || v.kind === 'expression';
const INFINITE = (sign: 1 | -1): MathValue => ({ kind: 'number', exact: null, approx: sign * Infinity, noise: 0, decimal: null, percent: false });

function interval(low: MathValue, high: MathValue, lowClosed: boolean, highClosed: boolean): IntervalValue {
  return { kind: 'interval', low, high, lowClosed, highClosed };
}

function equation(parts: readonly string[], parse: ParseText): MathValue | null {
  let [left = '', right = ''] = [parts[0], parts[parts.length - 1]];
  if (!LONE_SYMBOL.test(left) && LONE_SYMBOL.test(right) && parts.length === 2) [left, right] = [right, left];
  if (SYMBOL_TUPLE.test(left)) return parse(right);
  const rhs = parse(right);
  if (LONE_SYMBOL.test(left)) return { kind: 'relation', relation: '=', lhs: parse(left), rhs, symbol: left.replace(/\s+/g, '') };
  // A chain of values keeps the final one (`\frac{6}{4} = \frac{3}{2}`); so does a constant equation.
  const lhs = parse(left);
  if (parts.length > 2 || (isConstant(lhs) && isConstant(rhs))) return rhs;
  return isFormula(lhs) && isFormula(rhs) ? { kind: 'relation', relation: '=', lhs, rhs, symbol: null } : null;
}

function inequality(parts: string[], operators: Operator[], parse: ParseText): MathValue | null {
  // Chains longer than `a < x < b` are not intervals; do not parse their parts (a 300-link chain stays cheap).
  if (parts.length > 3) return null;
  const ascending = operators.every((o) => o === '<' || o === '<=');
  const descending = operators.every((o) => o === '>' || o === '>=');
  if (!ascending && !descending) return null;
  // Store `a > b` as `b < a`.
  const [ordered, closed] = ascending ? [parts, operators.map((o) => o === '<=')] : [[...parts].reverse(), operators.map((o) => o === '>=').reverse()];
  const values = ordered.map((part) => parse(part));
  const lone = ordered.map((part) => LONE_SYMBOL.test(part));
  const constants = values.map(isConstant);
  if (ordered.length === 2 && lone[0] === true && constants[1] === true) return interval(INFINITE(-1), values[1] as MathValue, false, closed[0] === true);
  if (ordered.length === 2 && lone[1] === true && constants[0] === true) return interval(values[0] as MathValue, INFINITE(1), closed[0] === true, false);
  if (ordered.length === 3 && lone[1] === true && constants[0] === true && constants[2] === true) {
    return interval(values[0] as MathValue, values[2] as MathValue, closed[0] === true, closed[1] === true);
  }
  const [lhs, rhs] = values;
  if (ordered.length === 2 && lhs !== undefined && rhs !== undefined && isFormula(lhs) && isFormula(rhs)) {
    return { kind: 'relation', relation: closed[0] === true ? '<=' : '<', lhs, rhs, symbol: null };
  }
  return null;
}

/**
 * The value of a relation, or null when the text has none or one we do not read (the caller keeps it as text).
 * @example relationValue('x >= 2', parse) // the interval [2, ∞)
 */
export function relationValue(s: string, parse: ParseText): MathValue | null {
  const { parts, operators } = splitRelations(s);
  if (operators.length === 0 || parts.some((part) => part === '')) return null;
  if (operators.includes('in')) {
    const [left = ''] = parts;
    return operators.length === 1 && (LONE_SYMBOL.test(left) || SYMBOL_TUPLE.test(left)) ? parse(parts[1] as string) : null;
  }
  if (operators.every((o) => o === '=')) return equation(parts, parse);
  if (operators.length === 1 && operators[0] === '!=') {
    const value = parse(parts[1] as string);
    return LONE_SYMBOL.test(parts[0] as string) && isConstant(value) ? complementOf([interval(value, value, true, true)]) : null;
  }
  return inequality(parts, operators, parse);
}
