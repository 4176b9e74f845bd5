/**
 * Log-space evaluation of a constant expression whose value leaves double range (`\frac{1}{2004!}`,
 * `\binom{3000}{1500}`): the sign and ln |value|, so such answers are compared by logarithms instead of being
 * refused. Sums are kept only while they lose little precision; anything else returns null.
 */
import type { MathNode } from 'mathjs';
import { CONSTANTS, evaluate, type AnyNode } from './evaluate.ts';

/** A real number as its sign and ln of its size; `lnAbs` is -Infinity for zero. */
export interface Signed {
  readonly negative: boolean;
  readonly lnAbs: number;
}

/** Values at most this far past double range (|ln| ≤ 10,000 ln 10, about 10^±10000) are compared by logarithms. */
export const MAX_LN_ABS = 10_000 * Math.LN10;

const fromNumber = (v: number): Signed | null => (Number.isFinite(v) ? { negative: v < 0, lnAbs: Math.log(Math.abs(v)) } : null);

/**
 * ln(n!) for a non-negative integer n (Stirling's series past 170, where it is exact to double precision).
 * @example lnFactorial(2004) // 13256.9…
 */
export function lnFactorial(n: number): number {
  if (n <= 170) {
    let r = 0;
    for (let k = 2; k <= n; k++) r += Math.log(k);
    return r;
  }
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
}

const realOf = (node: MathNode): number => evaluate(node, new Map());
const isCount = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= Number.MAX_SAFE_INTEGER;

function sum(a: Signed, b: Signed): Signed | null {
  if (a.lnAbs === Number.NEGATIVE_INFINITY) return b;
  if (b.lnAbs === Number.NEGATIVE_INFINITY) return a;
  const [big, small] = a.lnAbs >= b.lnAbs ? [a, b] : [b, a];
  const ratio = Math.exp(small.lnAbs - big.lnAbs);
  if (big.negative === small.negative) return { negative: big.negative, lnAbs: big.lnAbs + Math.log1p(ratio) };
  // Cancelling terms of nearly equal size would leave only rounding error.
  if (ratio > 0.999) return null;
  return { negative: big.negative, lnAbs: big.lnAbs + Math.log1p(-ratio) };
}

function power(base: Signed, exponent: number): Signed | null {
  if (!Number.isFinite(exponent)) return null;
  if (base.lnAbs === Number.NEGATIVE_INFINITY) return exponent > 0 ? base : null;
  if (base.negative && !Number.isInteger(exponent)) return null;
  return { negative: base.negative && Math.abs(exponent % 2) === 1, lnAbs: exponent * base.lnAbs };
}

function call(name: string, args: readonly MathNode[]): Signed | null {
  const [first, second] = args;
  if (first === undefined) return null;
  if (name === 'combinations') {
    const [n, k] = [realOf(first), second === undefined ? Number.NaN : realOf(second)];
    if (!isCount(n) || !isCount(k) || k > n) return null;
    return { negative: false, lnAbs: lnFactorial(n) - lnFactorial(k) - lnFactorial(n - k) };
  }
  if (name === 'exp') return { negative: false, lnAbs: realOf(first) };
  const a = evaluateLn(first);
  if (a === null) return null;
  switch (name) {
    case 'abs': return { negative: false, lnAbs: a.lnAbs };
    case 'sqrt': return a.negative ? null : { negative: false, lnAbs: a.lnAbs / 2 };
    case 'nthRoot': return power(a, second === undefined ? Number.NaN : 1 / realOf(second));
    case 'ln': return a.negative ? null : fromNumber(a.lnAbs);
    case 'log10': return a.negative ? null : fromNumber(a.lnAbs / Math.LN10);
    default: return null;
  }
}

/**
 * Sign and ln |value| of a constant checked expression, or null when it cannot be had without losing precision.
 * @example evaluateLn(parseExpression('-1/2004!')!.node) // { negative: true, lnAbs: -13256.9… }
 */
export function evaluateLn(node: MathNode): Signed | null {
  const n = node as unknown as AnyNode;
  switch (n.type) {
    case 'ConstantNode':
      return fromNumber(n.value);
    case 'ParenthesisNode':
      return evaluateLn(n.content);
    case 'SymbolNode': {
      const constant = CONSTANTS[n.name];
      return constant === undefined ? null : fromNumber(constant);
    }
    case 'FunctionNode': {
      const direct = fromNumber(realOf(node));
      return direct !== null && direct.lnAbs > -700 ? direct : call((n.fn as { name: string }).name, n.args);
    }
    case 'OperatorNode': {
      const [x, y] = n.args;
      if (x === undefined) return null;
      if (n.fn === 'factorial') {
        const k = realOf(x);
        return isCount(k) ? { negative: false, lnAbs: lnFactorial(k) } : null;
      }
      const a = evaluateLn(x);
      if (a === null) return null;
      if (n.fn === 'pow') return y === undefined ? null : power(a, realOf(y));
      if (n.fn === 'unaryMinus') return { negative: !a.negative, lnAbs: a.lnAbs };
      if (n.fn === 'unaryPlus') return a;
      const b = y === undefined ? null : evaluateLn(y);
      if (b === null) return null;
      switch (n.fn) {
        case 'multiply': return { negative: a.negative !== b.negative, lnAbs: a.lnAbs + b.lnAbs };
        case 'divide': return b.lnAbs === Number.NEGATIVE_INFINITY ? null : { negative: a.negative !== b.negative, lnAbs: a.lnAbs - b.lnAbs };
        case 'add': return sum(a, b);
        case 'subtract': return sum(a, { negative: !b.negative, lnAbs: b.lnAbs });
        default: return null;
      }
    }
    default:
      return null;
  }
}
