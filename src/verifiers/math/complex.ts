/**
 * Complex evaluation of a checked expression, for answers with the imaginary unit (`3+4i`, `e^{i\pi/3}`) or
 * a real formula that leaves the reals (`\sqrt{-4}`). Principal branches; functions without a complex
 * extension here (floor, gcd, factorial, …) take real arguments only.
 */
import type { MathNode } from 'mathjs';
import { applyFunction, applyOperator, CONSTANTS, IMAGINARY_UNIT, type AnyNode, type Magnitude } from './evaluate.ts';

export interface Complex {
  readonly re: number;
  readonly im: number;
}

const NAN: Complex = { re: Number.NaN, im: Number.NaN };
const real = (re: number): Complex => ({ re, im: 0 });

const times = (a: Complex, b: Complex): Complex => ({ re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re });
function over(a: Complex, b: Complex): Complex {
  const d = b.re * b.re + b.im * b.im;
  return { re: (a.re * b.re + a.im * b.im) / d, im: (a.im * b.re - a.re * b.im) / d };
}
const exp = (a: Complex): Complex => ({ re: Math.exp(a.re) * Math.cos(a.im), im: Math.exp(a.re) * Math.sin(a.im) });
// `+ 0` turns -0 into 0: ln(-1) is +πi, the principal value.
const ln = (a: Complex): Complex => ({ re: Math.log(Math.hypot(a.re, a.im)), im: Math.atan2(a.im + 0, a.re) });

function sqrt(a: Complex): Complex {
  const r = Math.hypot(a.re, a.im);
  const im = Math.sqrt((r - a.re) / 2);
  return { re: Math.sqrt((r + a.re) / 2), im: a.im < 0 ? -im : im };
}

function power(a: Complex, b: Complex): Complex {
  // Small integer powers by repeated products keep i^2 = -1 exact.
  if (b.im === 0 && Number.isInteger(b.re) && Math.abs(b.re) <= 64) {
    let result: Complex = real(1);
    for (let k = 0; k < Math.abs(b.re); k++) result = times(result, a);
    return b.re < 0 ? over(real(1), result) : result;
  }
  if (a.re === 0 && a.im === 0) return b.re > 0 ? real(0) : NAN;
  return exp(times(b, ln(a)));
}

const I: Complex = { re: 0, im: 1 };

function apply(name: string, args: readonly Complex[]): Complex {
  const [a = NAN] = args;
  switch (name) {
    case 'sqrt': return sqrt(a);
    case 'exp': return exp(a);
    case 'ln': return ln(a);
    case 'log10': return over(ln(a), real(Math.LN10));
    case 'abs': return real(Math.hypot(a.re, a.im));
    case 'sin': return { re: Math.sin(a.re) * Math.cosh(a.im), im: Math.cos(a.re) * Math.sinh(a.im) };
    case 'cos': return { re: Math.cos(a.re) * Math.cosh(a.im), im: -Math.sin(a.re) * Math.sinh(a.im) };
    case 'tan': return over(apply('sin', [a]), apply('cos', [a]));
    case 'sec': return over(real(1), apply('cos', [a]));
    case 'csc': return over(real(1), apply('sin', [a]));
    case 'cot': return over(apply('cos', [a]), apply('sin', [a]));
    case 'sinh': return over(apply('sin', [times(I, a)]), I);
    case 'cosh': return apply('cos', [times(I, a)]);
    case 'tanh': return over(apply('sinh', [a]), apply('cosh', [a]));
    case 'nthRoot': {
      const [, n = NAN] = args;
      if (a.im === 0 && n.im === 0) return real(applyFunction(name, [a.re, n.re]));
      return power(a, over(real(1), n));
    }
    default:
      // Real-only functions: defined when every argument is real.
      return args.every((arg) => arg.im === 0) ? real(applyFunction(name, args.map((arg) => arg.re))) : NAN;
  }
}

function track(value: Complex, size: Magnitude | undefined): Complex {
  const modulus = Math.hypot(value.re, value.im);
  if (size !== undefined && modulus > size.largest && Number.isFinite(modulus)) size.largest = modulus;
  return value;
}

/**
 * The complex value of a checked expression at real values of its free variables; NaN parts where undefined.
 * @example evaluateComplex(parseExpression('(1 + i)^2')!.node, new Map()) // { re: 0, im: 2 }
 */
export function evaluateComplex(node: MathNode, scope: ReadonlyMap<string, number>, size?: Magnitude): Complex {
  const n = node as unknown as AnyNode;
  switch (n.type) {
    case 'ConstantNode':
      return track(real(n.value), size);
    case 'ParenthesisNode':
      return evaluateComplex(n.content, scope, size);
    case 'SymbolNode':
      if (n.name === IMAGINARY_UNIT) return I;
      return track(real(CONSTANTS[n.name] ?? scope.get(n.name) ?? Number.NaN), size);
    case 'OperatorNode': {
      const [a = NAN, b = NAN] = n.args.map((arg) => evaluateComplex(arg, scope, size));
      switch (n.fn) {
        case 'add': return track({ re: a.re + b.re, im: a.im + b.im }, size);
        case 'subtract': return track({ re: a.re - b.re, im: a.im - b.im }, size);
        case 'multiply': return track(times(a, b), size);
        case 'divide': return track(over(a, b), size);
        case 'pow': return track(power(a, b), size);
        case 'unaryMinus': return { re: -a.re, im: -a.im };
        case 'unaryPlus': return a;
        default: return a.im === 0 && b.im === 0 ? track(real(applyOperator(n.fn as string, a.re, b.re)), size) : NAN;
      }
    }
    case 'FunctionNode':
      return track(apply((n.fn as { name: string }).name, n.args.map((arg) => evaluateComplex(arg, scope, size))), size);
    default:
      return NAN;
  }
}
