/**
 * Solution sets of equations in one variable, for comparing an equation gold with an answer that lists its
 * solutions (`x^2 = 4` against `x = \pm 2`). Only polynomial equations with rational coefficients up to
 * MAX_POLYNOMIAL_DEGREE are solved: degree 1 and 2 in closed form (rational roots exact, surds as doubles, a
 * negative discriminant giving the complex pair); degree 3 and up by their distinct real roots
 * (real-roots.ts). An equation past a bound counts as unsolved, and nothing is accepted through it.
 */
import { degree, polynomialOf, type Polynomial } from './polynomial.ts';
import { add, div, mul, rational, sub, toNumber, ZERO, type Rational } from './rational.ts';
import { realRoots } from './real-roots.ts';
import type { MathValue, NumberValue } from './value.ts';

type RelationValue = Extract<MathValue, { kind: 'relation' }>;

const exactNumber = (exact: Rational): NumberValue => ({ kind: 'number', exact, approx: toNumber(exact), noise: 0, decimal: null, percent: false });
const approxNumber = (approx: number): NumberValue => ({ kind: 'number', exact: null, approx, noise: 0, decimal: null, percent: false });
const negate = (a: Rational): Rational => ({ num: -a.num, den: a.den });

/** ⌊√n⌋ when n is a perfect square, else null: Newton's method from above, on integers of any size. */
function integerSqrt(n: bigint): bigint | null {
  if (n < 0n) return null;
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (let y = (x + n / x) >> 1n; y < x; y = (x + n / x) >> 1n) x = y;
  return x * x === n ? x : null;
}

/** √a when it is rational. */
function rationalSqrt(a: Rational): Rational | null {
  const [n, d] = [integerSqrt(a.num), integerSqrt(a.den)];
  return n === null || d === null ? null : rational(n, d);
}

function quadraticRoots(p: Polynomial): MathValue[] | null {
  const [c = ZERO, b = ZERO, a = ZERO] = p;
  const [b2, ac] = [mul(b, b), mul(a, c)];
  const ac4 = ac === null ? null : mul(ac, { num: 4n, den: 1n });
  const discriminant = b2 === null || ac4 === null ? null : sub(b2, ac4);
  const twoA = mul(a, { num: 2n, den: 1n });
  if (discriminant === null || twoA === null) return null;
  const vertex = div(negate(b), twoA);
  if (vertex === null) return null;
  if (discriminant.num === 0n) return [exactNumber(vertex)];
  const root = discriminant.num > 0n ? rationalSqrt(discriminant) : null;
  if (root !== null) {
    const offset = div(root, twoA);
    const [low, high] = offset === null ? [null, null] : [sub(vertex, offset), add(vertex, offset)];
    return low === null || high === null ? null : [exactNumber(low), exactNumber(high)];
  }
  const [A, B, D] = [toNumber(a), toNumber(b), toNumber(discriminant)];
  if (D < 0) {
    const [re, im] = [toNumber(vertex), Math.sqrt(-D) / Math.abs(2 * A)];
    return [{ kind: 'complex', re, im, noise: 0 }, { kind: 'complex', re, im: -im, noise: 0 }];
  }
  // The stable form: no cancellation between -b and √D.
  const q = -(B + Math.sign(B || 1) * Math.sqrt(D)) / 2;
  return [approxNumber(q / A), approxNumber(toNumber(c) / q)];
}

/** What a gold equation solves to: its variable and its roots; null when it is not one we solve. */
export interface SolutionSet {
  readonly variable: string;
  readonly roots: readonly MathValue[];
}

const isConstant = (v: MathValue): boolean =>
  v.kind === 'number' || v.kind === 'complex' || v.kind === 'magnitude' || (v.kind === 'set' && v.items.every(isConstant));

/**
 * Whether an equation is already solved: a lone variable on one side and constants on the other (`x = 3`,
 * `x = \pm 2`). An equation to solve is never accepted for a solved one: it may just restate the problem.
 */
export const isSolved = (relation: RelationValue): boolean => relation.relation === '=' && relation.symbol !== null && isConstant(relation.rhs);

const solved = new WeakMap<RelationValue, SolutionSet | null>();

function solve(relation: RelationValue): SolutionSet | null {
  if (relation.relation !== '=' || isSolved(relation)) return null;
  const symbols = new Set([relation.lhs, relation.rhs].flatMap((v) => (v.kind === 'expression' ? v.expression.symbols : [])));
  const [variable] = symbols;
  if (symbols.size !== 1 || variable === undefined) return null;
  const p = polynomialOf(relation.lhs, relation.rhs, variable);
  if (p === null || degree(p) < 1) return null;
  const roots = degree(p) === 1 ? [exactNumber(div(negate(p[0] as Rational), p[1] as Rational) ?? ZERO)] : degree(p) === 2 ? quadraticRoots(p) : realRoots(p);
  return roots === null ? null : { variable, roots };
}

/**
 * The solution set of a polynomial equation in one variable that is not already solved (`x^2 = 4`,
 * `x^3 = x`), computed once per equation value; null for anything else.
 * @example solutionSet(parsed('x^2 = 4'))?.roots // the numbers -2 and 2
 */
export function solutionSet(relation: RelationValue): SolutionSet | null {
  if (!solved.has(relation)) solved.set(relation, solve(relation));
  return solved.get(relation) ?? null;
}

/** `x`, `x_1`, `x_{2}` name the variable `x`; `\theta` names `theta`. */
const names = (symbol: string, variable: string): boolean => {
  const plain = symbol.replace(/[\\{}]/g, '');
  return plain === variable || (plain.startsWith(`${variable}_`) && /^\d+$/.test(plain.slice(variable.length + 1)));
};

/**
 * The values an answer lists as the solutions in `variable`: numbers, a set or list of them, `x = a` (also
 * `x = \pm a`, `x_1 = a, x_2 = b`, `x = a \text{ or } x = b`); null when it is anything else (an equation
 * still to solve, a formula, another variable).
 * @example listedSolutions(parsed('x = \\pm 2'), 'x') // [2, -2]
 */
export function listedSolutions(value: MathValue, variable: string): MathValue[] | null {
  if (value.kind === 'number' || value.kind === 'complex' || value.kind === 'magnitude') return [value];
  if (value.kind === 'relation') return value.relation === '=' && value.symbol !== null && names(value.symbol, variable) ? listedSolutions(value.rhs, variable) : null;
  if (value.kind !== 'set') return null;
  const out: MathValue[] = [];
  for (const item of value.items) {
    const inner = listedSolutions(item, variable);
    if (inner === null) return null;
    out.push(...inner);
  }
  return out;
}
