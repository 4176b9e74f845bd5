/**
 * When two typed answers are the same, by shape: numbers (numbers.ts), formulas at random points
 * (identity.ts), sets as multisets (subsets rejected), tuples in order, intervals by endpoints and openness,
 * unions piece by piece in canonical order (intervals.ts), matrices by shape and element, equations and
 * inequalities up to a constant factor. `x = 3` matches `3` when its left side is a lone variable; an
 * inequality in one variable matches its interval both ways (`1 < x <= 3` is `(1, 3]`).
 */
import { parseExpression } from './expr.ts';
import { proportional, sameFunction } from './identity.ts';
import { unionOf } from './intervals.ts';
import { isScalar, sameNumber, sameScalar } from './numbers.ts';
import { isSolved, listedSolutions, solutionSet } from './solutions.ts';
import type { IntervalValue, MathValue } from './value.ts';

type RelationValue = Extract<MathValue, { kind: 'relation' }>;

/** Multiset matching: every gold item pairs with a distinct equivalent prediction item, none left over. */
function sameMultiset(gold: readonly MathValue[], prediction: readonly MathValue[]): boolean {
  if (gold.length !== prediction.length) return false;
  const used = new Array<boolean>(prediction.length).fill(false);
  return gold.every((item) => {
    const index = prediction.findIndex((candidate, i) => !used[i] && equivalent(item, candidate));
    if (index === -1) return false;
    used[index] = true;
    return true;
  });
}

const sameList = (gold: readonly MathValue[], prediction: readonly MathValue[]): boolean =>
  gold.length === prediction.length && gold.every((item, i) => equivalent(item, prediction[i] as MathValue));

/** `x = 1, y = 2` as the tuple of right sides ordered by variable name, when every item is such an equation. */
function bySymbol(items: readonly MathValue[]): MathValue[] | null {
  const equations = items.filter((item): item is RelationValue => item.kind === 'relation' && item.relation === '=' && item.symbol !== null);
  if (equations.length !== items.length || new Set(equations.map((e) => e.symbol)).size !== items.length) return null;
  return [...equations].sort((a, b) => ((a.symbol as string) < (b.symbol as string) ? -1 : 1)).map((e) => e.rhs);
}

/** A one-row or one-column matrix as a list, for comparison with a tuple. */
function vector(value: MathValue): readonly MathValue[] | null {
  if (value.kind === 'tuple') return value.items;
  if (value.kind !== 'matrix') return null;
  if (value.rows.length === 1) return value.rows[0] ?? null;
  return value.rows.every((row) => row.length === 1) ? value.rows.map((row) => row[0] as MathValue) : null;
}

const isFormula = (v: MathValue): boolean => v.kind === 'number' || v.kind === 'expression';

function sameRelation(gold: RelationValue, prediction: RelationValue): boolean {
  if (gold.relation !== prediction.relation) return false;
  // A solved gold (`x = 3`) needs a solved answer: an equation still to solve (`2x + 3 = 9`) may restate the problem.
  if (isSolved(gold) && prediction.symbol === null) return false;
  // The same lone variable on the left: the right sides decide (the difference test could only repeat them).
  if (gold.relation === '=' && gold.symbol !== null && gold.symbol === prediction.symbol) return equivalent(gold.rhs, prediction.rhs);
  if (![gold.lhs, gold.rhs, prediction.lhs, prediction.rhs].every(isFormula)) return false;
  // `a < b` is `b - a > 0`: the same inequality when the differences are positive multiples.
  if (gold.relation !== '=') return proportional([gold.rhs, gold.lhs], [prediction.rhs, prediction.lhs], true);
  return proportional([gold.lhs, gold.rhs], [prediction.lhs, prediction.rhs], false);
}

/** An interval with one infinite end as an inequality in the relation's single variable (`(-∞, 3)` → `x < 3`). */
function asRelation(interval: IntervalValue, like: RelationValue): RelationValue | null {
  const symbols = new Set([like.lhs, like.rhs].flatMap((v) => (v.kind === 'expression' ? v.expression.symbols : [])));
  const [symbol] = symbols;
  const variable = symbols.size === 1 && symbol !== undefined ? parseExpression(symbol) : null;
  if (variable === null) return null;
  const x: MathValue = { kind: 'expression', expression: variable };
  const [lowInfinite, highInfinite] = [interval.low.kind === 'number' && interval.low.approx === -Infinity, interval.high.kind === 'number' && interval.high.approx === Infinity];
  if (lowInfinite === highInfinite) return null;
  return lowInfinite
    ? { kind: 'relation', relation: interval.highClosed ? '<=' : '<', lhs: x, rhs: interval.high, symbol: null }
    : { kind: 'relation', relation: interval.lowClosed ? '<=' : '<', lhs: interval.low, rhs: x, symbol: null };
}

/**
 * A gold equation to solve (`x^2 = 4`) and an answer listing exactly its solutions (`x = \pm 2`, `-2, 2`,
 * `x = 2 \text{ or } x = -2`), each once. Never the other way: that answer is the gold of "solve x^2 = 4", and
 * the equation would be the problem restated.
 */
function solvedBy(gold: RelationValue, answer: MathValue): boolean {
  const solutions = solutionSet(gold);
  const listed = solutions === null ? null : listedSolutions(answer, solutions.variable);
  return listed !== null && listed.length > 0 && sameMultiset(solutions?.roots ?? [], listed);
}

function relationAgainst(relation: RelationValue, other: MathValue, relationIsGold: boolean): boolean {
  if (relationIsGold && relation.relation === '=' && !isSolved(relation) && solvedBy(relation, other)) return true;
  if (other.kind === 'relation') return relationIsGold ? sameRelation(relation, other) : sameRelation(other, relation);
  if (relation.relation === '=') return relation.symbol !== null && (relationIsGold ? equivalent(relation.rhs, other) : equivalent(other, relation.rhs));
  const converted = other.kind === 'interval' ? asRelation(other, relation) : null;
  return converted !== null && (relationIsGold ? sameRelation(relation, converted) : sameRelation(converted, relation));
}

type SetValue = Extract<MathValue, { kind: 'set' }>;

/** A list of intervals (`x \le 1, x \ge 3`) as the union it lists, for comparison with an interval or union. */
function listedUnion(set: SetValue): MathValue | null {
  const intervals = set.items.length > 1 && set.items.every((item) => item.kind === 'interval' || item.kind === 'union');
  return intervals ? unionOf(set.items) : null;
}

function sameSet(gold: SetValue, prediction: MathValue): boolean {
  if (prediction.kind === 'set') return sameMultiset(gold.items, prediction.items);
  const union = prediction.kind === 'interval' || prediction.kind === 'union' ? listedUnion(gold) : null;
  if (union !== null) return equivalent(union, prediction);
  if (gold.commaDecimal !== undefined && prediction.kind === 'number') return sameNumber(gold.commaDecimal, prediction);
  const ordered = prediction.kind === 'tuple' ? bySymbol(gold.items) : null;
  if (ordered !== null && prediction.kind === 'tuple') return sameList(ordered, prediction.items);
  return gold.items.length === 1 && gold.items[0] !== undefined && equivalent(gold.items[0], prediction);
}

/**
 * Whether a prediction's value matches the gold's.
 * @example equivalent(parsed('\\frac{1}{3}'), parsed('0.333333')) // true
 */
export function equivalent(gold: MathValue, prediction: MathValue): boolean {
  if (gold.kind === 'relation') return relationAgainst(gold, prediction, true);
  if (prediction.kind === 'relation') return relationAgainst(prediction, gold, false);
  if (gold.kind === 'set') return sameSet(gold, prediction);
  if (prediction.kind === 'set') {
    if (prediction.commaDecimal !== undefined && gold.kind === 'number') return sameNumber(gold, prediction.commaDecimal);
    const union = gold.kind === 'interval' || gold.kind === 'union' ? listedUnion(prediction) : null;
    if (union !== null) return equivalent(gold, union);
    const ordered = gold.kind === 'tuple' ? bySymbol(prediction.items) : null;
    if (ordered !== null && gold.kind === 'tuple') return sameList(gold.items, ordered);
    return prediction.items.length === 1 && prediction.items[0] !== undefined && equivalent(gold, prediction.items[0]);
  }
  switch (gold.kind) {
    case 'number':
    case 'complex':
    case 'magnitude':
      if (isScalar(prediction)) return sameScalar(gold, prediction);
      return prediction.kind === 'expression' && gold.kind !== 'magnitude' && sameFunction(gold, prediction);
    case 'expression':
      return (prediction.kind === 'expression' || prediction.kind === 'number' || prediction.kind === 'complex') && sameFunction(gold, prediction);
    case 'tuple': {
      if (prediction.kind === 'interval') return gold.pair && !prediction.lowClosed && !prediction.highClosed && sameList(gold.items, [prediction.low, prediction.high]);
      const items = vector(prediction);
      return items !== null && sameList(gold.items, items);
    }
    case 'interval':
      if (prediction.kind === 'tuple') return prediction.pair && !gold.lowClosed && !gold.highClosed && sameList([gold.low, gold.high], prediction.items);
      return (
        prediction.kind === 'interval' &&
        gold.lowClosed === prediction.lowClosed &&
        gold.highClosed === prediction.highClosed &&
        equivalent(gold.low, prediction.low) &&
        equivalent(gold.high, prediction.high)
      );
    case 'union':
      // Canonical unions, or unions with symbolic endpoints as written: piece by piece, in any order.
      return prediction.kind === 'union' && sameMultiset(gold.parts, prediction.parts);
    case 'matrix': {
      if (prediction.kind === 'tuple') {
        const items = vector(gold);
        return items !== null && sameList(items, prediction.items);
      }
      return (
        prediction.kind === 'matrix' &&
        gold.rows.length === prediction.rows.length &&
        gold.rows.every((row, r) => sameList(row, prediction.rows[r] as readonly MathValue[]))
      );
    }
    case 'choice':
      return prediction.kind === 'choice' && prediction.letter === gold.letter;
    case 'text':
      return prediction.kind === 'text' && prediction.text === gold.text;
  }
}
