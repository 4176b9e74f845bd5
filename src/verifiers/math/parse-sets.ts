/**
 * Set operations between answer parts: `\cup`, `\cap`, `\setminus` on intervals and point sets, and the
 * "or"/"and" that latex.ts turned into `\lor`/`\land` (`x < -1 \text{ or } x > 2` is a union; `1 \text{ and } 2`
 * between plain values is a list). Precedence: `\cup`/`\lor` lowest, then `\setminus`, then `\cap`/`\land`.
 */
import { differenceOf, intersectionOf, unionOf } from './intervals.ts';
import type { ParseText } from './parse-relations.ts';
import { splitTopLevel, type Separator } from './split-top.ts';
import type { MathValue } from './value.ts';

const OPERATOR = /^\\(cup|cap|setminus|backslash|lor|land)(?![a-zA-Z])/;

type SetOperator = 'cup' | 'cap' | 'setminus' | 'lor' | 'land';

/** Splits at top-level set operators; null when there are none. */
function split(s: string): { parts: string[]; operators: SetOperator[] } | null {
  const { parts, separators } = splitTopLevel(s, (text, i): Separator<SetOperator> | null => {
    if (text[i] !== '\\' || text[i + 1] === '{' || text[i + 1] === '}') return null;
    const m = OPERATOR.exec(text.slice(i, i + 11));
    return m === null ? null : { value: m[1] === 'backslash' ? 'setminus' : (m[1] as SetOperator), length: m[0].length };
  });
  return separators.length === 0 ? null : { parts, operators: separators };
}

const isLinePart = (v: MathValue): boolean => v.kind === 'interval' || v.kind === 'union' || v.kind === 'set' || v.kind === 'number';
/** Between set operators, `(a, b)` is an open interval and `x = 1` (in "x = 1 or x > 2") is the point 1. */
function unwrap(v: MathValue): MathValue {
  if (v.kind === 'tuple' && v.pair) return { kind: 'interval', low: v.items[0] as MathValue, high: v.items[1] as MathValue, lowClosed: false, highClosed: false };
  return v.kind === 'relation' && v.symbol !== null && v.rhs.kind === 'number' ? v.rhs : v;
}

const isLowPrecedence = (op: SetOperator): boolean => op === 'cup' || op === 'lor';

/** The operands between `\cup`/`\lor`, each a run of parts joined by tighter operators, and the joins between them. */
function byUnion(parts: readonly string[], operators: readonly SetOperator[]): { runs: { parts: string[]; operators: SetOperator[] }[]; joins: SetOperator[] } {
  const runs = [{ parts: [parts[0] ?? ''], operators: [] as SetOperator[] }];
  const joins: SetOperator[] = [];
  operators.forEach((op, k) => {
    const next = parts[k + 1] ?? '';
    const run = runs[runs.length - 1] as { parts: string[]; operators: SetOperator[] };
    if (isLowPrecedence(op)) {
      runs.push({ parts: [next], operators: [] });
      joins.push(op);
    } else {
      run.parts.push(next);
      run.operators.push(op);
    }
  });
  return { runs, joins };
}

const isInterval = (v: MathValue): boolean => v.kind === 'interval' || v.kind === 'union';

/** `a \cap b \setminus c …` left to right; "1 and 2" between plain values is a list, not an intersection of points. */
function intersect(values: readonly MathValue[], operators: readonly SetOperator[]): MathValue | null {
  if (operators.length > 0 && operators.every((o) => o === 'land') && !values.some(isInterval)) return { kind: 'set', items: values };
  let result: MathValue | null = values[0] ?? null;
  for (let k = 1; k < values.length && result !== null; k++) {
    const next = values[k] as MathValue;
    result = operators[k - 1] === 'setminus' ? differenceOf(result, next) : intersectionOf(result, next);
  }
  return result;
}

/**
 * The value of a text with top-level set operators (`asText` of it when they join things that are not sets
 * of reals), or null when it has none.
 * @example setOperationValue('(-\\infty, 0) \\cup [1, 2]', parse, asText) // a union of two intervals
 */
export function setOperationValue(s: string, parse: ParseText, asText: ParseText): MathValue | null {
  const found = split(s);
  if (found === null) return null;
  if (found.parts.some((part) => part === '')) return asText(s);
  const { runs, joins } = byUnion(found.parts, found.operators);
  const values: MathValue[] = [];
  for (const run of runs) {
    const value = intersect(run.parts.map((part) => unwrap(parse(part))), run.operators);
    if (value === null) return asText(s);
    values.push(value);
  }
  if (values.length === 1) return values[0] as MathValue;
  // "x = 1 or x = 2" and "1 or 2" are lists; anything with an interval is a union.
  if (joins.every((j) => j === 'lor') && !values.some(isInterval)) return { kind: 'set', items: values.flatMap((v) => (v.kind === 'set' ? v.items : [v])) };
  return values.every(isLinePart) ? unionOf(values) : asText(s);
}
