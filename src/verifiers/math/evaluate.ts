/**
 * Evaluation of a checked expression (expr.ts) by our own code: on doubles, keeping the largest intermediate
 * size so callers can bound cancellation noise, and exactly on rationals when every step stays rational.
 */
import type { MathNode } from 'mathjs';
import { add, compare, div, gcd, mul, parseDecimal, pow, rational, sub, type Rational } from './rational.ts';

export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E, Infinity: Number.POSITIVE_INFINITY };
/** The imaginary unit: not a free variable; its presence sends evaluation to complex.ts. */
export const IMAGINARY_UNIT = 'i';

/** Node fields we read; mathjs's own types do not narrow by `type`. */
export interface AnyNode {
  readonly type: string;
  readonly value: number;
  readonly name: string;
  readonly content: MathNode;
  readonly fn: string | { readonly name: string };
  readonly args: readonly MathNode[];
}

const UNARY: Readonly<Record<string, (x: number) => number>> = {
  sqrt: Math.sqrt, sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan,
  sec: (x) => 1 / Math.cos(x), csc: (x) => 1 / Math.sin(x), cot: (x) => 1 / Math.tan(x),
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, ln: Math.log, log10: Math.log10, exp: Math.exp,
  abs: Math.abs, floor: Math.floor, ceil: Math.ceil,
};

// Lanczos approximation (g = 7, 9 terms): Γ to about 15 significant digits.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

function gamma(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  const z = x - 1;
  let a = LANCZOS[0] as number;
  for (let k = 1; k < LANCZOS.length; k++) a += (LANCZOS[k] as number) / (z + k);
  const t = z + 7.5;
  return Math.sqrt(2 * Math.PI) * t ** (z + 0.5) * Math.exp(-t) * a;
}

/**
 * n! on doubles: exact products on the non-negative integers (Infinity past 170), Γ(n + 1) between them, so
 * `\binom{n}{2}` and `\frac{n(n-1)}{2}` agree at the random points; NaN at the negative integers.
 * @example factorial(5) // 120; factorial(0.5) // √π / 2
 */
export function factorial(n: number): number {
  if (!Number.isInteger(n)) return Number.isFinite(n) ? gamma(n + 1) : Number.NaN;
  if (n < 0) return Number.NaN;
  if (n > 170) return Number.POSITIVE_INFINITY;
  let r = 1;
  for (let k = 2; k <= n; k++) r *= k;
  return r;
}

function integerGcd(a: number, b: number): number {
  let [x, y] = [Math.abs(a), Math.abs(b)];
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** gcd, lcm, min, max of a list; gcd and lcm only on integers. */
function listFunction(name: string, values: readonly number[]): number {
  if (name === 'min') return Math.min(...values);
  if (name === 'max') return Math.max(...values);
  if (!values.every((v) => Number.isSafeInteger(v))) return Number.NaN;
  if (name === 'gcd') return values.reduce(integerGcd, 0);
  if (name === 'lcm') return values.reduce((a, b) => (a === 0 || b === 0 ? 0 : Math.abs(a * b) / integerGcd(a, b)), 1);
  return Number.NaN;
}

/**
 * Float noise allowed in a result, relative to the largest intermediate value of its evaluation: about 4,500
 * ulps, far above what a 500-node formula accumulates and far below any real difference.
 */
export const NOISE_PER_MAGNITUDE = 1e-12;

/** The running largest |intermediate| of an evaluation: noise in the result is at most a few ulps of it. */
export interface Magnitude {
  largest: number;
}

function track(value: number, size: Magnitude | undefined): number {
  if (size !== undefined && Math.abs(value) > size.largest && Number.isFinite(value)) size.largest = Math.abs(value);
  return value;
}

/** A function of the whitelist applied to real arguments; NaN where undefined. */
export function applyFunction(name: string, values: readonly number[]): number {
  const [a = Number.NaN, b = Number.NaN] = values;
  if (name === 'nthRoot') return a < 0 && b % 2 === 1 ? -((-a) ** (1 / b)) : a ** (1 / b);
  if (name === 'combinations') return factorial(a) / (factorial(b) * factorial(a - b));
  const unary = UNARY[name];
  return unary === undefined ? listFunction(name, values) : unary(a);
}

/** An operator of the whitelist applied to real operands (`b` unused by unary ones). */
export function applyOperator(fn: string, a: number, b: number): number {
  switch (fn) {
    case 'add': return a + b;
    case 'subtract': return a - b;
    case 'multiply': return a * b;
    case 'divide': return a / b;
    case 'pow': return a ** b;
    case 'mod': return b === 0 ? Number.NaN : ((a % b) + b) % b;
    case 'unaryMinus': return -a;
    case 'unaryPlus': return a;
    case 'factorial': return factorial(a);
    default: return Number.NaN;
  }
}

/**
 * The value of a checked expression on doubles, with `scope` giving the free variables; NaN where undefined.
 * @example evaluate(parseExpression('x^2 + 1')!.node, new Map([['x', 2]])) // 5
 */
export function evaluate(node: MathNode, scope: ReadonlyMap<string, number>, size?: Magnitude): number {
  const n = node as unknown as AnyNode;
  switch (n.type) {
    case 'ConstantNode':
      return track(n.value, size);
    case 'ParenthesisNode':
      return evaluate(n.content, scope, size);
    case 'SymbolNode':
      return track(CONSTANTS[n.name] ?? scope.get(n.name) ?? Number.NaN, size);
    case 'OperatorNode': {
      const [a = Number.NaN, b = Number.NaN] = n.args.map((arg) => evaluate(arg, scope, size));
      return track(applyOperator(n.fn as string, a, b), size);
    }
    case 'FunctionNode':
      return track(applyFunction((n.fn as { name: string }).name, n.args.map((arg) => evaluate(arg, scope, size))), size);
    default:
      return Number.NaN;
  }
}

/** Exact factorials up to this argument (250! has 493 digits); larger ones go to doubles or logarithms. */
export const MAX_EXACT_FACTORIAL = 250;

function exactFactorial(a: Rational): Rational | null {
  if (a.den !== 1n || a.num < 0n || a.num > BigInt(MAX_EXACT_FACTORIAL)) return null;
  let r = 1n;
  for (let k = 2n; k <= a.num; k++) r *= k;
  return rational(r, 1n);
}

function constantRational(value: number): Rational | null {
  if (!Number.isFinite(value)) return null;
  if (Number.isInteger(value)) return Number.isSafeInteger(value) ? rational(BigInt(value), 1n) : null;
  return parseDecimal(String(value))?.value ?? null;
}

const ONE: Rational = { num: 1n, den: 1n };

function floorOf(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

function exactFunction(name: string, args: readonly Rational[]): Rational | null {
  const [a] = args;
  if (a === undefined) return null;
  switch (name) {
    case 'abs': return a.num < 0n ? { num: -a.num, den: a.den } : a;
    case 'floor': return rational(floorOf(a), 1n);
    case 'ceil': return rational(-floorOf({ num: -a.num, den: a.den }), 1n);
    case 'min': return args.reduce((m, v) => (compare(v, m) < 0 ? v : m));
    case 'max': return args.reduce((m, v) => (compare(v, m) > 0 ? v : m));
    case 'gcd':
    case 'lcm': {
      if (args.some((v) => v.den !== 1n)) return null;
      if (name === 'gcd') return rational(args.reduce((g, v) => gcd(g, v.num), 0n), 1n);
      return args.reduce<Rational | null>((l, v) => {
        if (l === null) return null;
        const g = gcd(l.num, v.num);
        if (g === 0n) return { num: 0n, den: 1n };
        const product = (l.num * v.num) / g;
        return rational(product < 0n ? -product : product, 1n);
      }, ONE);
    }
    case 'combinations': {
      const b = args[1];
      if (b === undefined || a.den !== 1n || b.den !== 1n || b.num < 0n || b.num > a.num) return null;
      const [n, k] = [exactFactorial(a), exactFactorial(b)];
      const rest = exactFactorial({ num: a.num - b.num, den: 1n });
      const denominator = k === null || rest === null ? null : mul(k, rest);
      return n === null || denominator === null ? null : div(n, denominator);
    }
    default:
      return null;
  }
}

/**
 * The exact value of a checked expression, or null when it is not rational (or too big). `scope` gives free
 * variables rational values, so polynomial and rational identities are checked without rounding.
 * @example evaluateExact(parseExpression('(1/2 + 1/3)^2')!.node) // { num: 25n, den: 36n }
 */
export function evaluateExact(node: MathNode, scope?: ReadonlyMap<string, Rational>): Rational | null {
  const n = node as unknown as AnyNode;
  switch (n.type) {
    case 'ConstantNode':
      return constantRational(n.value);
    case 'ParenthesisNode':
      return evaluateExact(n.content, scope);
    case 'SymbolNode':
      return scope?.get(n.name) ?? null;
    case 'OperatorNode':
    case 'FunctionNode': {
      const args: Rational[] = [];
      for (const arg of n.args) {
        const value = evaluateExact(arg, scope);
        if (value === null) return null;
        args.push(value);
      }
      if (n.type === 'FunctionNode') return exactFunction((n.fn as { name: string }).name, args);
      const [a, b] = args;
      if (a === undefined) return null;
      if (n.fn === 'factorial') return exactFactorial(a);
      if (n.fn === 'unaryMinus') return { num: -a.num, den: a.den };
      if (n.fn === 'unaryPlus') return a;
      if (b === undefined) return null;
      if (n.fn === 'add') return add(a, b);
      if (n.fn === 'subtract') return sub(a, b);
      if (n.fn === 'multiply') return mul(a, b);
      if (n.fn === 'divide') return div(a, b);
      if (n.fn === 'pow' && b.den === 1n) return pow(a, b.num);
      if (n.fn === 'mod' && a.den === 1n && b.den === 1n && b.num !== 0n) return rational(((a.num % b.num) + b.num) % b.num, 1n);
      return null;
    }
    default:
      return null;
  }
}
