/**
 * Expressions: parsed by a parse-only mathjs instance (no `evaluate`, no units, `import` disabled) into an
 * AST that we check against a whitelist of node types and functions, then evaluate ourselves: exactly on
 * rationals when we can, else on doubles. Model text is never evaluated as code.
 */
import { create, parseDependencies, type FactoryFunctionMap, type MathNode } from 'mathjs';
import { add, div, mul, pow, rational, sub, parseDecimal, type Rational } from './rational.ts';

// A parse-only instance: no evaluate/compile/createUnit exist on it, and `import` is replaced by a thrower.
const math = create({ parseDependencies } as FactoryFunctionMap);
math.import(
  {
    import: () => {
      throw new Error('import is disabled');
    },
  },
  { override: true },
);

/** Function names the evaluator knows, and the constants. Everything else in a formula is a free variable. */
const UNARY: Readonly<Record<string, (x: number) => number>> = {
  sqrt: Math.sqrt, sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan,
  sec: (x) => 1 / Math.cos(x), csc: (x) => 1 / Math.sin(x), cot: (x) => 1 / Math.tan(x),
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, log: Math.log, log10: Math.log10, exp: Math.exp,
  abs: Math.abs, floor: Math.floor, ceil: Math.ceil,
};
const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E, Infinity: Number.POSITIVE_INFINITY };
const KNOWN_NAMES = new Set([...Object.keys(UNARY), ...Object.keys(CONSTANTS), 'nthRoot', 'combinations', 'alpha', 'beta', 'theta', 'lambda', 'mu']);

/** Factorial arguments above this, and more than this many AST nodes, are refused as too large. */
export const MAX_FACTORIAL_ARGUMENT = 1000;
export const MAX_EXPRESSION_NODES = 500;

export class TooLarge extends Error {
  override name = 'TooLarge';
}

/** A checked expression: its AST and its free variables, sorted. */
export interface Expression {
  readonly node: MathNode;
  readonly symbols: readonly string[];
}

const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus', 'factorial']);

/** `xy` → `x y` (implicit product), unless the name is a known function or constant. */
function splitNames(plain: string): string {
  return plain.replace(/[A-Za-z]+(\s*\()?/g, (match: string, call: string | undefined) => {
    const name = call === undefined ? match : match.slice(0, match.length - call.length);
    if (name in UNARY || name === 'nthRoot' || name === 'combinations') return match;
    const split = KNOWN_NAMES.has(name) ? name : name.split('').join(' ');
    // `n(n+1)` is a product, not a call of a function n.
    return call === undefined ? split : `${split} * (`;
  });
}

function powerHeight(node: MathNode): number {
  if (node.type === 'ParenthesisNode') return powerHeight((node as unknown as { content: MathNode }).content);
  if (node.type === 'OperatorNode' && (node as unknown as { fn: string }).fn === 'pow') {
    const [, exponent] = (node as unknown as { args: MathNode[] }).args;
    return 1 + (exponent === undefined ? 0 : powerHeight(exponent));
  }
  return 0;
}

/**
 * Parses plain infix text into a checked expression; null when it is not a formula we accept.
 * Throws TooLarge for a power tower, a huge factorial or too many nodes, before anything is evaluated.
 * @example parseExpression('2 x + 1')?.symbols // ['x']
 */
export function parseExpression(plain: string): Expression | null {
  let node: MathNode;
  try {
    node = math.parse(splitNames(plain));
  } catch {
    return null;
  }
  const symbols = new Set<string>();
  let count = 0;
  let ok = true;
  node.traverse((n, _path, parent) => {
    if (++count > MAX_EXPRESSION_NODES) throw new TooLarge('too many nodes');
    const any = n as unknown as { fn?: string | { name: string }; name?: string; args?: MathNode[]; value?: unknown };
    switch (n.type) {
      case 'ConstantNode':
        if (typeof any.value !== 'number') ok = false;
        break;
      case 'ParenthesisNode':
        break;
      case 'SymbolNode':
        if (parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === n) break;
        if (!(any.name! in CONSTANTS)) symbols.add(any.name!);
        break;
      case 'OperatorNode':
        if (!OPERATORS.has(any.fn as string)) ok = false;
        if (any.fn === 'pow' && powerHeight(n) > 2) throw new TooLarge('power tower');
        if (any.fn === 'factorial') {
          const argument = any.args?.[0];
          const value = argument === undefined ? Number.NaN : evaluate(argument, new Map());
          if (value > MAX_FACTORIAL_ARGUMENT) throw new TooLarge('factorial');
        }
        break;
      case 'FunctionNode': {
        const name = (any.fn as { name: string }).name;
        if (!(name in UNARY) && name !== 'nthRoot' && name !== 'combinations') ok = false;
        break;
      }
      default:
        ok = false;
    }
  });
  return ok ? { node, symbols: [...symbols].sort() } : null;
}

function factorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) return Number.NaN;
  if (n > 170) return Number.POSITIVE_INFINITY;
  let r = 1;
  for (let k = 2; k <= n; k++) r *= k;
  return r;
}

/** The value of a checked expression on doubles, with `scope` giving the free variables. */
export function evaluate(node: MathNode, scope: ReadonlyMap<string, number>): number {
  const n = node as unknown as { type: string; value: number; name: string; content: MathNode; fn: string | { name: string }; args: MathNode[] };
  switch (n.type) {
    case 'ConstantNode':
      return n.value;
    case 'ParenthesisNode':
      return evaluate(n.content, scope);
    case 'SymbolNode':
      return CONSTANTS[n.name] ?? scope.get(n.name) ?? Number.NaN;
    case 'OperatorNode': {
      const [a = Number.NaN, b = Number.NaN] = n.args.map((arg) => evaluate(arg, scope));
      switch (n.fn) {
        case 'add': return a + b;
        case 'subtract': return a - b;
        case 'multiply': return a * b;
        case 'divide': return a / b;
        case 'pow': return a ** b;
        case 'unaryMinus': return -a;
        case 'unaryPlus': return a;
        case 'factorial': return factorial(a);
        default: return Number.NaN;
      }
    }
    case 'FunctionNode': {
      const name = (n.fn as { name: string }).name;
      const [a = Number.NaN, b = Number.NaN] = n.args.map((arg) => evaluate(arg, scope));
      if (name === 'nthRoot') return a < 0 && b % 2 === 1 ? -((-a) ** (1 / b)) : a ** (1 / b);
      if (name === 'combinations') return factorial(a) / (factorial(b) * factorial(a - b));
      return UNARY[name]?.(a) ?? Number.NaN;
    }
    default:
      return Number.NaN;
  }
}

/** Exact factorials up to this argument (250! has 493 digits); larger ones are left to doubles. */
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

/** The exact value of a checked expression without free variables, or null when it is not rational (or too big). */
export function evaluateExact(node: MathNode): Rational | null {
  const n = node as unknown as { type: string; value: number; content: MathNode; fn: string; args: MathNode[] };
  switch (n.type) {
    case 'ConstantNode':
      return constantRational(n.value);
    case 'ParenthesisNode':
      return evaluateExact(n.content);
    case 'OperatorNode': {
      const args: Rational[] = [];
      for (const arg of n.args) {
        const value = evaluateExact(arg);
        if (value === null) return null;
        args.push(value);
      }
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
      return null;
    }
    default:
      return null;
  }
}
