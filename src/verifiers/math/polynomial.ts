/**
 * Polynomials in one variable with exact rational coefficients (lowest power first), read from a checked
 * expression (expr.ts), and the exact arithmetic real-roots.ts needs: division with remainder, the square-free
 * part, Sturm sequences. Degrees are capped at MAX_POLYNOMIAL_DEGREE and every coefficient
 * is bounded by rational.ts, so each operation is small; any overflow gives null and the caller gives up.
 */
import type { MathNode } from 'mathjs';
import { evaluateExact, type AnyNode } from './evaluate.ts';
import { add, div, mul, sub, ZERO, type Rational } from './rational.ts';
import type { MathValue } from './value.ts';

/** Coefficients, lowest power first, no trailing zero (the zero polynomial is `[]`). */
export type Polynomial = readonly Rational[];

/** Equations of a higher degree are not solved. */
export const MAX_POLYNOMIAL_DEGREE = 6;

const ONE: Rational = { num: 1n, den: 1n };

const trim = (p: readonly Rational[]): Rational[] => {
  const out = [...p];
  while (out.length > 0 && (out[out.length - 1] as Rational).num === 0n) out.pop();
  return out;
};

export const degree = (p: Polynomial): number => p.length - 1;
export const leading = (p: Polynomial): Rational => p[p.length - 1] ?? ZERO;

function combine(a: Polynomial, b: Polynomial, op: typeof add): Rational[] | null {
  const out: Rational[] = [];
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const c = op(a[k] ?? ZERO, b[k] ?? ZERO);
    if (c === null) return null;
    out.push(c);
  }
  return trim(out);
}

export const plus = (a: Polynomial, b: Polynomial): Rational[] | null => combine(a, b, add);
export const minus = (a: Polynomial, b: Polynomial): Rational[] | null => combine(a, b, sub);

export function times(a: Polynomial, b: Polynomial): Rational[] | null {
  if (a.length === 0 || b.length === 0) return [];
  if (degree(a) + degree(b) > MAX_POLYNOMIAL_DEGREE) return null;
  const out: Rational[] = new Array<Rational>(a.length + b.length - 1).fill(ZERO);
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const term = mul(a[i] as Rational, b[j] as Rational);
      const sum = term === null ? null : add(out[i + j] as Rational, term);
      if (sum === null) return null;
      out[i + j] = sum;
    }
  }
  return trim(out);
}

export function scale(p: Polynomial, k: Rational): Rational[] | null {
  const out: Rational[] = [];
  for (const c of p) {
    const v = mul(c, k);
    if (v === null) return null;
    out.push(v);
  }
  return trim(out);
}

/** Quotient and remainder of a / b (b not zero). */
export function divide(a: Polynomial, b: Polynomial): { quotient: Rational[]; remainder: Rational[] } | null {
  let remainder = [...a];
  const quotient: Rational[] = new Array<Rational>(Math.max(a.length - b.length + 1, 0)).fill(ZERO);
  while (remainder.length >= b.length && remainder.length > 0) {
    const shift = remainder.length - b.length;
    const factor = div(leading(remainder), leading(b));
    if (factor === null) return null;
    quotient[shift] = factor;
    const next = remainder.slice();
    for (let k = 0; k < b.length; k++) {
      const v = mul(b[k] as Rational, factor);
      const d = v === null ? null : sub(next[k + shift] as Rational, v);
      if (d === null) return null;
      next[k + shift] = d;
    }
    next.pop(); // the leading term cancels exactly
    remainder = trim(next);
  }
  return { quotient: trim(quotient), remainder };
}

export function derivative(p: Polynomial): Rational[] | null {
  const out: Rational[] = [];
  for (let k = 1; k < p.length; k++) {
    const v = mul(p[k] as Rational, { num: BigInt(k), den: 1n });
    if (v === null) return null;
    out.push(v);
  }
  return trim(out);
}

/** p scaled to a leading coefficient of ±1 keeping signs (divided by |lead|): keeps Sturm sequences small. */
function normalised(p: Polynomial): Rational[] | null {
  const lead = leading(p);
  return scale(p, { num: lead.den, den: lead.num < 0n ? -lead.num : lead.num });
}

/** The polynomial with the same roots, each once: p / gcd(p, p'). */
export function squareFree(p: Polynomial): Rational[] | null {
  let [a, b]: [Rational[] | null, Rational[] | null] = [[...p], derivative(p)];
  while (a !== null && b !== null && b.length > 0) {
    const r = divide(a, b);
    [a, b] = [b, r === null ? null : r.remainder];
  }
  if (a === null || b === null) return null;
  // The gcd made monic, so the quotient keeps p's leading sign.
  const lead = leading(a);
  const g = scale(a, { num: lead.den, den: lead.num });
  const q = g === null ? null : divide(p, g);
  return q === null ? null : normalised(q.quotient);
}

/** The Sturm sequence of a square-free p: p, p', then negated remainders, each scaled by a positive number. */
export function sturm(p: Polynomial): Rational[][] | null {
  const first = derivative(p);
  if (first === null) return null;
  const chain: Rational[][] = [[...p], first];
  while ((chain[chain.length - 1] as Rational[]).length > 0) {
    const r = divide(chain[chain.length - 2] as Rational[], chain[chain.length - 1] as Rational[]);
    const next = r === null ? null : r.remainder.length === 0 ? [] : normalised(r.remainder.map((c) => ({ num: -c.num, den: c.den })));
    if (next === null) return null;
    chain.push(next);
  }
  chain.pop();
  return chain;
}

/** The polynomial of a checked expression in `variable`, or null (another variable, a function of it, a non-rational coefficient, too high a degree). */
function fromNode(node: MathNode, variable: string): Rational[] | null {
  const n = node as unknown as AnyNode;
  const constant = (): Rational[] | null => {
    const value = evaluateExact(node);
    return value === null ? null : trim([value]);
  };
  if (n.type === 'ParenthesisNode') return fromNode(n.content, variable);
  if (n.type === 'SymbolNode') return n.name === variable ? [ZERO, ONE] : constant();
  if (n.type !== 'OperatorNode') return constant();
  const [a, b] = n.args;
  if (a === undefined) return null;
  const left = fromNode(a, variable);
  if (left === null) return null;
  if (n.fn === 'unaryMinus') return scale(left, { num: -1n, den: 1n });
  if (n.fn === 'unaryPlus') return left;
  if (b === undefined) return constant();
  if (n.fn === 'pow') {
    const exponent = evaluateExact(b);
    if (exponent === null || exponent.den !== 1n || exponent.num < 0n || exponent.num > BigInt(MAX_POLYNOMIAL_DEGREE)) return constant();
    let power: Rational[] | null = [ONE];
    for (let k = 0n; k < exponent.num && power !== null; k++) power = times(power, left);
    return power;
  }
  const right = fromNode(b, variable);
  if (right === null) return null;
  if (n.fn === 'add') return plus(left, right);
  if (n.fn === 'subtract') return minus(left, right);
  if (n.fn === 'multiply') return times(left, right);
  if (n.fn === 'divide') {
    const inverse = right.length === 1 ? div(ONE, right[0] as Rational) : null;
    return inverse === null ? null : scale(left, inverse);
  }
  return constant();
}

/**
 * `lhs - rhs` as a polynomial in `variable`, or null when either side is not one with rational coefficients
 * of degree at most MAX_POLYNOMIAL_DEGREE.
 * @example polynomialOf(parsed('x^2'), parsed('4'), 'x') // [-4, 0, 1]
 */
export function polynomialOf(lhs: MathValue, rhs: MathValue, variable: string): Rational[] | null {
  const side = (v: MathValue): Rational[] | null => {
    if (v.kind === 'number') return v.exact === null ? null : trim([v.exact]);
    return v.kind === 'expression' && !v.expression.imaginary ? fromNode(v.expression.node, variable) : null;
  };
  const [l, r] = [side(lhs), side(rhs)];
  return l === null || r === null ? null : minus(l, r);
}
