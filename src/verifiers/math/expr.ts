/**
 * Expressions: parsed by a parse-only mathjs instance (no `evaluate`, no units, `import` disabled) into an
 * AST that we check against a whitelist of node types and functions; evaluate.ts, complex.ts and
 * magnitude.ts evaluate it with our own code. Model text is never evaluated as code.
 */
import { create, parseDependencies, type FactoryFunctionMap, type MathNode } from 'mathjs';
import { CONSTANTS, evaluate, IMAGINARY_UNIT } from './evaluate.ts';
import { GREEK_LETTERS } from './latex.ts';

// A parse-only instance: no evaluate/compile/createUnit exist on it, and `import` is replaced by a thrower.
// Built on the first parse (~30 ms of typed-function set-up), so threads that grade no math never pay it.
let parser: ReturnType<typeof create> | undefined;
function mathParser(): ReturnType<typeof create> {
  if (parser !== undefined) return parser;
  const math = create({ parseDependencies } as FactoryFunctionMap);
  math.import(
    {
      import: () => {
        throw new Error('import is disabled');
      },
    },
    { override: true },
  );
  parser = math;
  return math;
}

/** Functions of one argument the evaluators know. */
const UNARY_FUNCTIONS = new Set([
  'sqrt', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sec', 'csc', 'cot', 'sinh', 'cosh', 'tanh',
  'ln', 'log10', 'exp', 'abs', 'floor', 'ceil',
]);
/** Functions of several arguments: `nthRoot(x, n)`, `combinations(n, k)`, gcd/lcm/min/max of a list. */
const LIST_FUNCTIONS = new Set(['nthRoot', 'combinations', 'gcd', 'lcm', 'min', 'max']);
const MULTI_LETTER_NAMES = new Set([...Object.keys(CONSTANTS), ...GREEK_LETTERS]);

/** Factorial arguments above this, and more than this many AST nodes, are refused as too large. */
export const MAX_FACTORIAL_ARGUMENT = 100_000;
export const MAX_EXPRESSION_NODES = 500;

export class TooLarge extends Error {
  override name = 'TooLarge';
}

/** A checked expression: its AST, its node count, its free variables (sorted), and whether it uses the imaginary unit. */
export interface Expression {
  readonly node: MathNode;
  readonly nodes: number;
  readonly symbols: readonly string[];
  readonly imaginary: boolean;
}

/**
 * What a base-less `log` means: `e` (analysis) or `10` (competition convention). `\ln` is always natural and
 * `\log_b` has its base; only a bare `log` depends on this.
 */
export type LogBase = 'e' | '10';

const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus', 'factorial', 'mod']);

/**
 * Whether plain or LaTeX text has a `log` without a base, whose reading depends on the convention.
 * @example hasBareLog('\\log 2') // true; hasBareLog('\\log_{2} 8') // false
 */
export function hasBareLog(text: string): boolean {
  return /(?<![A-Za-z])log(?![_A-Za-z0-9])/.test(text);
}

/** `xy` → `x y` (implicit product), unless the name is a known function or constant. */
function splitNames(plain: string): string {
  return plain.replace(/(?:log10|[A-Za-z]+)(\s*\()?/g, (match: string, call: string | undefined) => {
    const name = call === undefined ? match : match.slice(0, match.length - call.length);
    if (UNARY_FUNCTIONS.has(name) || LIST_FUNCTIONS.has(name) || name === 'mod') return match;
    const split = MULTI_LETTER_NAMES.has(name) ? name : name.split('').join(' ');
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
 * Parses plain infix text into a checked expression; null when it is not a formula we accept. A bare `log`
 * is read with `logBase`.
 * Throws TooLarge for a power tower, a huge factorial or too many nodes, before anything is evaluated.
 * @example parseExpression('2 x + 1')?.symbols // ['x']
 */
export function parseExpression(plain: string, logBase: LogBase = 'e'): Expression | null {
  if (plain.length > SHORT_TEXT_CHARS) return check(plain, logBase);
  const key = `${logBase}${plain}`;
  const known = shortExpressions.get(key);
  if (known !== undefined) return known;
  const expression = check(plain, logBase);
  if (shortExpressions.size >= SHORT_TEXT_CACHE_SIZE) shortExpressions.clear();
  shortExpressions.set(key, expression);
  return expression;
}

// Short formulas (`x`, `-1`, `2i`) recur in every relation, interval and list: parse each once. The trees are
// never mutated, so sharing them is safe.
const SHORT_TEXT_CHARS = 12;
const SHORT_TEXT_CACHE_SIZE = 1024;
const shortExpressions = new Map<string, Expression | null>();

function check(plain: string, logBase: LogBase): Expression | null {
  let node: MathNode;
  try {
    node = mathParser().parse(splitNames(plain.replace(/(?<![A-Za-z])log(?![A-Za-z0-9])/g, logBase === 'e' ? 'ln' : 'log10')));
  } catch {
    return null;
  }
  const symbols = new Set<string>();
  let imaginary = false;
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
        if (any.name === IMAGINARY_UNIT) imaginary = true;
        else if (!(any.name! in CONSTANTS)) symbols.add(any.name!);
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
        const arity = any.args?.length ?? 0;
        if (UNARY_FUNCTIONS.has(name)) ok &&= arity === 1;
        else if (name === 'nthRoot' || name === 'combinations') ok &&= arity === 2;
        else ok &&= LIST_FUNCTIONS.has(name) && arity >= 1;
        break;
      }
      default:
        ok = false;
    }
  });
  return ok ? { node, nodes: count, symbols: [...symbols].sort(), imaginary } : null;
}
