import { describe, expect, it } from 'vitest';
import { parseExpression, type Expression } from './expr.ts';
import { confirmIdentity, resetSymbolicBudget, serialize, SYMBOLIC_CALL_BUDGET_MS, SYMBOLIC_CHECK_BUDGET_MS } from './symbolic.ts';

const formula = (plain: string): Expression => {
  const expression = parseExpression(plain);
  if (expression === null) throw new Error(plain);
  return expression;
};
const X = new Map([['x', 'v0']]);
/** Expanding this against another form of it takes nerdamer seconds. */
const SLOW_GOLD = '(x+y+z)^12';
const timed = (run: () => boolean): { result: boolean; elapsedMs: number } => {
  const started = performance.now();
  const result = run();
  return { result, elapsedMs: performance.now() - started };
};

describe('serialize', () => {
  it('writes our own tree with every operand parenthesised and variables renamed', () => {
    expect(serialize(formula('2 x^2 - sqrt(x)').node, X)).toBe('((((2)*(((v0)^(2)))))-(sqrt(v0)))');
    expect(serialize(formula('sec(x) + ln(x) + pi').node, X)).toBe('(((((1/cos(v0)))+(log(v0))))+(pi))');
    expect(serialize(formula('e^(ln(x))').node, X)).toBe('exp(log(v0))');
  });

  it('refuses what it does not whitelist: factorials, floor, gcd, infinity, large constant powers, unknown names', () => {
    for (const plain of ['x!', 'floor(x)', 'gcd(x, 2)', 'x + Infinity', 'x^13', 'y + 1']) expect(serialize(formula(plain).node, X), plain).toBeNull();
  });
});

describe('confirmIdentity', () => {
  it('proves identities whose domain the random points miss, and never a non-identity', () => {
    resetSymbolicBudget();
    expect(confirmIdentity(['x'], formula('1/sqrt(x-4)'), formula('sqrt(x-4)/(x-4)'))).toBe(true);
    expect(confirmIdentity(['x'], formula('sqrt(x-5) * sqrt(x-5)'), formula('x - 5'))).toBe(true);
    expect(confirmIdentity(['x'], formula('sqrt(x-5) * sqrt(x-5)'), formula('x + 5'))).toBe(false);
    expect(confirmIdentity(['x'], formula('ln(x-5)'), formula('ln(5-x)'))).toBe(false);
    expect(confirmIdentity(['x'], formula('sqrt(x-3)/sqrt(x-3)'), { num: 1n, den: 1n })).toBe(true);
  });

  it('does not send formulas over its size bound', () => {
    resetSymbolicBudget();
    const big = formula(Array.from({ length: 30 }, (_, k) => `sqrt(x-${k + 4})`).join('+'));
    expect(timed(() => confirmIdentity(['x'], big, big)).result).toBe(false);
  });

  it('gives up on a proof that overruns its call budget, within about that budget, and works again after', () => {
    resetSymbolicBudget();
    expect(confirmIdentity(['x'], formula('sqrt(x-4)^2'), formula('x-4'))).toBe(true); // the helper is warm
    resetSymbolicBudget();
    const slow = timed(() => confirmIdentity(['x', 'y', 'z'], formula(SLOW_GOLD), formula('(x^2+2x y+y^2+2x z+2y z+z^2)^6 + sqrt(x-9)')));
    expect(slow.result).toBe(false);
    expect(slow.elapsedMs).toBeLessThan(SYMBOLIC_CALL_BUDGET_MS + 150);
    resetSymbolicBudget();
    expect(confirmIdentity(['x'], formula('(x-4)/sqrt(x-4)'), formula('sqrt(x-4)'))).toBe(true);
  });

  it('spends at most its check budget on calls within one check', () => {
    resetSymbolicBudget();
    expect(confirmIdentity(['x'], formula('sqrt(x-6)^2'), formula('x-6'))).toBe(true); // the helper is warm
    resetSymbolicBudget();
    const slow = timed(() =>
      [10, 11, 12, 13].map((k) => confirmIdentity(['x', 'y', 'z'], formula(SLOW_GOLD), formula(`(x^2+2x y+y^2+2x z+2y z+z^2)^6 + sqrt(x-${k})`))).some(Boolean),
    );
    expect(slow.result).toBe(false);
    // Two calls fit the check budget; each kill is followed by a fresh helper's start (not counted, but bounded).
    expect(slow.elapsedMs).toBeLessThan(SYMBOLIC_CHECK_BUDGET_MS + 3 * 1000);
  });
});
