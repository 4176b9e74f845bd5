/**
 * Throughput and latency of the math verifier on this machine, single-threaded (the pool runs one per core):
 * checks/s on simple numeric answers (bare, boxed, in <answer>), on LaTeX-heavier pairs (fractions with roots,
 * polynomial and trigonometric identities, interval unions, inequalities, matrices, rearranged equations,
 * complex numbers, factorials past double range, an equation against its listed solutions), p95 latency on a
 * mixed set, the slowest pathological input, and what the nerdamer fallback costs when the random points
 * cannot decide (symbolic.ts: a helper thread, started on first use). Each check is a fresh task object, so
 * the gold is parsed every time (the worst case: in production a group shares one parsed gold).
 * Bar (issue 3): ≥ 20,000/s per core simple, ≥ 1,000/s per core LaTeX-heavy, p95 < 5 ms, pathological < 250 ms.
 * Run: npx tsx bench/math.ts [checks]
 */
import { availableParallelism } from 'node:os';
import { normalizeCompletion, type NormalizedCompletion } from '../src/core/schemas/completion.ts';
import type { MathTask } from '../src/core/schemas/task.ts';
import { verifyMath } from '../src/verifiers/math/verify.ts';
import { PATHOLOGICAL_CASES } from '../test-fixtures/math/pathological.ts';

const checks = Number(process.argv[2] ?? 20_000);

type Pair = readonly [gold: string, completion: NormalizedCompletion];
const pair = (gold: string, text: string): Pair => [gold, normalizeCompletion(text)];

const SIMPLE: readonly Pair[] = [
  pair('42', '42'),
  pair('1234', 'The total is large.\nSo the answer is \\boxed{1,234}.'),
  pair('7', '<think>3 + 4 = 7</think><answer>7</answer>'),
  pair('-5', '<think>5 - 10</think>\\boxed{-5}'),
  pair('0.25', '<answer>0.25</answer>'),
  pair('72', 'She sold 72 clips.\n#### 72'),
];
const LATEX: readonly Pair[] = [
  pair('\\frac{\\sqrt{3}}{2}', '\\boxed{\\frac{1}{2}\\sqrt{3}}'),
  pair('2\\sqrt{2}', 'so $\\boxed{\\sqrt{8}}$'),
  pair('x^2+2x+1', '\\boxed{(x+1)^2}'),
  pair('\\frac{n(n+1)}{2}', '\\boxed{\\frac{n^2+n}{2}}'),
  pair('[\\frac{1}{2}, 3)', '\\boxed{[0.5, 3)}'),
  pair('2 \\pm \\sqrt{3}', '\\boxed{2-\\sqrt{3}, 2+\\sqrt{3}}'),
  pair('\\sin 2x', '\\boxed{2\\sin x\\cos x}'),
  pair('3\\frac{1}{2}', 'The final answer is $\\dfrac{7}{2}$.'),
  pair('(-\\infty, -1) \\cup (2, \\infty)', '\\boxed{x < -1 \\text{ or } x > 2}'),
  pair('[1, 3]', '\\boxed{[1, 2] \\cup (2, 3]}'),
  pair('(1, 3]', '\\boxed{1 < x \\le 3}'),
  pair('\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}', '\\boxed{\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}}'),
  pair('y = 2x + 1', '\\boxed{2x - y + 1 = 0}'),
  pair('0', '\\boxed{\\sin^2 x + \\cos^2 x - 1}'),
  pair('3+4i', '\\boxed{(2+i)^2}'),
  pair('\\frac{1}{2004!}', '\\boxed{\\frac{2005}{2005!}}'),
  pair('x^2 - 5x + 6 = 0', '\\boxed{x = 2 \\text{ or } x = 3}'),
];
/** Identities whose domain misses the random points: each is proved by nerdamer, once (answers are cached). */
const SYMBOLIC: readonly Pair[] = [
  pair('\\frac{1}{\\sqrt{x-4}}', '\\boxed{\\frac{\\sqrt{x-4}}{x-4}}'),
  pair('\\sqrt{x-5}\\cdot\\sqrt{x-5}', '\\boxed{x - 5}'),
  pair('\\frac{x-4}{\\sqrt{x-4}}', '\\boxed{\\sqrt{x-4}}'),
  pair('\\frac{x^2-16}{\\sqrt{x-4}}', '\\boxed{(x+4)\\sqrt{x-4}}'),
  pair('\\frac{1}{\\sqrt{x-9}+\\sqrt{x-10}}', '\\boxed{\\sqrt{x-9}-\\sqrt{x-10}}'),
  pair('e^{\\ln(x-5)}', '\\boxed{x-5}'),
];

function run(pairs: readonly Pair[], count: number): { perSecond: number; latenciesMs: number[] } {
  const latenciesMs: number[] = [];
  for (let i = 0; i < Math.min(count, 2000); i++) {
    const [gold, completion] = pairs[i % pairs.length] as Pair;
    verifyMath({ type: 'math', answer: gold }, completion); // warm the JIT
  }
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const [gold, completion] = pairs[i % pairs.length] as Pair;
    const task: MathTask = { type: 'math', answer: gold };
    const t0 = performance.now();
    const verdict = verifyMath(task, completion);
    latenciesMs.push(performance.now() - t0);
    if (verdict.status !== 'correct') throw new Error(`not graded correct: ${gold} ${JSON.stringify(verdict)}`);
  }
  return { perSecond: count / ((performance.now() - started) / 1000), latenciesMs };
}

function p50(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN;
}

const simple = run(SIMPLE, checks);
const latex = run(LATEX, Math.ceil(checks / 4));
const mixed = run([...SIMPLE, ...LATEX], Math.ceil(checks / 4));
let slowestMs = 0;
let slowestName = '';
for (const c of PATHOLOGICAL_CASES) {
  const t0 = performance.now();
  verifyMath({ type: 'math', answer: c.gold }, normalizeCompletion(c.prediction));
  const elapsedMs = performance.now() - t0;
  if (elapsedMs > slowestMs) [slowestMs, slowestName] = [elapsedMs, c.name];
}

const symbolicMs = SYMBOLIC.map(([gold, completion]) => {
  const t0 = performance.now();
  const verdict = verifyMath({ type: 'math', answer: gold }, completion);
  if (verdict.status !== 'correct') throw new Error(`not proved: ${gold} ${JSON.stringify(verdict)}`);
  return performance.now() - t0;
});
const [firstMs = Number.NaN, ...restMs] = symbolicMs;

console.log(`cores: ${availableParallelism()} (figures are for one core)`);
console.log(`simple numeric: ${Math.round(simple.perSecond).toLocaleString('en')} checks/s, p95 ${p95(simple.latenciesMs).toFixed(3)} ms`);
console.log(`LaTeX-heavier:  ${Math.round(latex.perSecond).toLocaleString('en')} checks/s, p95 ${p95(latex.latenciesMs).toFixed(3)} ms`);
console.log(`mixed:          ${Math.round(mixed.perSecond).toLocaleString('en')} checks/s, p95 ${p95(mixed.latenciesMs).toFixed(3)} ms`);
console.log(`pathological:   ${PATHOLOGICAL_CASES.length} inputs, slowest ${slowestMs.toFixed(1)} ms (${slowestName})`);
console.log(
  `nerdamer:       ${SYMBOLIC.length} identities proved, first ${firstMs.toFixed(0)} ms (starts the helper), then median ${p50(restMs).toFixed(1)} ms, max ${Math.max(...restMs).toFixed(1)} ms`,
);
