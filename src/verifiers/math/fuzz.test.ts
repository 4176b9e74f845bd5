/**
 * Fuzzing the math verifier (issue 8): random LaTeX and plain-text answers — expressions from a LaTeX
 * grammar, token soups, numbers with hundreds of digits, power towers, unicode — put where the extractor
 * looks for them, against random golds. Every check must return a verdict with a status of the registry,
 * the same verdict twice, within 250 ms, and never throw. Replay: README "Fuzzing".
 */
import fc from 'fast-check';
import { Value } from '@sinclair/typebox/value';
import { afterAll, describe, expect, it } from 'vitest';
import { normalizeCompletion } from '../../core/schemas/completion.ts';
import { Status } from '../../core/schemas/result.ts';
import type { MathTask } from '../../core/schemas/task.ts';
import { checkProperty, FUZZ_SEED, recipe, runs, withinDeadline, type Recipe } from '../../../test-fixtures/fuzz/settings.ts';
import type { Verdict } from '../types.ts';
import { verifyMath } from './verify.ts';

const FILE = 'src/verifiers/math/fuzz.test.ts';
/** One check (gold parse + extraction + parse + comparison), fastest of up to 3 attempts. */
const DEADLINE_MS = 250;
let checked = 0;

// ---- a LaTeX grammar -------------------------------------------------------------------------------

const digitString = (minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength, maxLength });

const numberToken = fc.oneof(
  { arbitrary: fc.integer({ min: -1000, max: 1000 }).map(String), weight: 4 },
  { arbitrary: digitString(1, 40), weight: 2 },
  // Around the 300-digit guard, with and without thousands separators.
  { arbitrary: digitString(280, 320), weight: 1 },
  { arbitrary: fc.array(digitString(3, 3), { minLength: 1, maxLength: 120 }).map((groups) => `1,${groups.join(',')}`), weight: 1 },
  { arbitrary: fc.tuple(digitString(1, 12), digitString(1, 30)).map(([a, b]) => `${a}.${b}`), weight: 2 },
  { arbitrary: fc.tuple(digitString(1, 4), fc.integer({ min: -400, max: 400 })).map(([m, e]) => `${m}e${e}`), weight: 1 },
  { arbitrary: fc.tuple(digitString(1, 3), fc.integer({ min: -400, max: 400 })).map(([m, e]) => `${m} \\times 10^{${e}}`), weight: 1 },
  { arbitrary: fc.constantFrom('0', '-0', '0.0', '.5', '5.', '1/3', '22/7', '0.333333', '3.14159', '1e-9', '2^{-1}', '0.1\\overline{6}', '3\\frac{1}{2}'), weight: 2 },
);

const symbol = fc.constantFrom('x', 'y', 'n', 'k', 'a', 'b', 'e', 'i', '\\pi', '\\infty', '\\alpha', '\\theta', '\\varepsilon', 'A', 'B', 'C', 'D', 'E');
const unicodeAtom = fc.constantFrom('π', '√2', '∞', '½', 'x²', '−1', '3×4', '6÷2', '≤', '≥', 'ℝ', '∅', '𝑥', '٣', '三', '½π', 'e\u0301', '\u200b1', '１２', '👍', '\u202e12', 'ǅ', '\ufeff7');

const FUNCTIONS = ['\\sin', '\\cos', '\\tan', '\\log', '\\ln', '\\exp', '\\arcsin', '\\sec', '\\log_{2}', '\\log_{10}', '\\sqrt', '\\lvert', '\\det', '\\lim', '\\max', '\\gcd'];

interface Grammar {
  readonly expr: string;
}

const { expr } = fc.letrec<Grammar>((tie) => {
  const sub = tie('expr');
  return {
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: numberToken, weight: 6 },
      { arbitrary: symbol, weight: 3 },
      { arbitrary: unicodeAtom, weight: 1 },
      { arbitrary: fc.tuple(sub, fc.constantFrom('+', '-', '\\cdot', '\\times', '*', '/', '\\div', '\\pm', '=', '<', '\\le', '\\ne', ',', '\\cup', '\\cap', ' ', '\\setminus', '\\to', ':'), sub).map(([a, op, b]) => `${a} ${op} ${b}`), weight: 4 },
      { arbitrary: fc.tuple(fc.constantFrom('\\frac', '\\dfrac', '\\tfrac', '\\binom'), sub, sub).map(([cmd, a, b]) => `${cmd}{${a}}{${b}}`), weight: 2 },
      { arbitrary: fc.tuple(sub, sub).map(([a, b]) => `${a}^{${b}}`), weight: 2 },
      { arbitrary: fc.tuple(sub, sub).map(([a, b]) => `${a}_{${b}}`), weight: 1 },
      { arbitrary: fc.tuple(symbol, digitString(1, 6)).map(([a, b]) => `${a}^${b}`), weight: 1 },
      { arbitrary: sub.map((a) => `\\sqrt{${a}}`), weight: 1 },
      { arbitrary: fc.tuple(sub, sub).map(([n, a]) => `\\sqrt[${n}]{${a}}`), weight: 1 },
      { arbitrary: sub.map((a) => `\\left(${a}\\right)`), weight: 1 },
      { arbitrary: fc.tuple(fc.constantFrom('(', '[', '\\{', '\\left[', '\\left\\{', '\\langle ', '|'), sub, fc.constantFrom(')', ']', '\\}', '\\right]', '\\right\\}', '\\rangle', '|', '\\right)')).map(([o, a, c]) => `${o}${a}${c}`), weight: 2 },
      { arbitrary: fc.tuple(fc.constantFrom('(', '[', '\\left('), sub, sub, fc.constantFrom(')', ']', '\\right)')).map(([o, a, b, c]) => `${o}${a}, ${b}${c}`), weight: 2 },
      { arbitrary: fc.array(sub, { minLength: 1, maxLength: 5 }).map((xs) => `\\{${xs.join(', ')}\\}`), weight: 1 },
      { arbitrary: fc.tuple(fc.constantFrom(...FUNCTIONS), sub).map(([f, a]) => `${f}(${a})`), weight: 2 },
      { arbitrary: fc.tuple(fc.constantFrom(...FUNCTIONS), sub).map(([f, a]) => `${f}{${a}}`), weight: 1 },
      { arbitrary: sub.map((a) => `${a}!`), weight: 1 },
      { arbitrary: sub.map((a) => `-${a}`), weight: 1 },
      { arbitrary: sub.map((a) => `${a}\\%`), weight: 1 },
      { arbitrary: sub.map((a) => `${a}^\\circ`), weight: 1 },
      { arbitrary: fc.tuple(sub, fc.constantFrom('\\text{ cm}', '\\text{ dollars}', ' m^2', '\\,\\mathrm{kg}', '\\text{ and }', ' units')).map(([a, u]) => `${a}${u}`), weight: 1 },
      { arbitrary: fc.tuple(fc.constantFrom('\\text', '\\mathrm', '\\mbox', '\\textbf', '\\mathbb', '\\operatorname'), sub).map(([cmd, a]) => `${cmd}{${a}}`), weight: 1 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom('pmatrix', 'bmatrix', 'matrix', 'array'), fc.array(fc.array(sub, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }))
          .map(([env, rows]) => `\\begin{${env}}${rows.map((r) => r.join(' & ')).join(' \\\\ ')}\\end{${env}}`),
        weight: 1,
      },
    ),
  };
});

/** Power towers and deep nests: the inputs that blow up naive evaluators. */
const pathological = fc.oneof(
  fc.array(fc.oneof(numberToken, symbol), { minLength: 2, maxLength: 12 }).map((xs) => xs.reduceRight((tower, x) => `${x}^{${tower}}`)),
  fc.tuple(fc.integer({ min: 1, max: 60 }), fc.constantFrom('\\sqrt{', '\\frac{1}{', '(', '{', '\\left(', '2^{', '\\sin(', '-(', '\\log(')).map(
    ([depth, open]) => `${open.repeat(depth)}2${(open.endsWith('(') ? ')' : '}').repeat(depth)}`,
  ),
  fc.tuple(digitString(1, 9), fc.constantFrom('!', '!!', '!!!')).map(([n, bang]) => `${n}${bang}`),
  fc.tuple(digitString(1, 6), digitString(1, 6), digitString(1, 6)).map(([a, b, c]) => `${a}^{${b}^{${c}}}`),
  fc.constantFrom('10^{10^{10}}', '9^{9^{9^{9}}}', '(10^{100})!', '\\binom{10^{9}}{5\\cdot 10^{8}}', '2^{2^{2^{2^{2^{2}}}}}', '\\sqrt{-1}^{\\sqrt{-1}}', '0^0', '\\frac{0}{0}', '1/0', '\\infty - \\infty', '\\tan(\\pi/2)', 'e^{1000000}'),
);

const SOUP_TOKENS = [
  '\\frac', '\\dfrac', '\\sqrt', '{', '}', '{', '}', '^', '_', '\\left(', '\\right)', '\\left[', '\\right]', '\\left\\{', '\\right\\}', '\\left.', '\\right|',
  '(', ')', '[', ']', '\\{', '\\}', ',', '.', '+', '-', '*', '/', '=', '<', '>', '\\le', '\\ge', '\\neq', '\\pm', '\\mp', '\\cdot', '\\times', '\\div', '!',
  '\\%', '%', '^\\circ', '°', '\\pi', '\\infty', '\\in', '\\cup', '\\cap', '\\setminus', '\\emptyset', '\\mathbb{R}', '\\text{', '\\mathrm{', '\\boxed{',
  '\\fbox{', '\\begin{pmatrix}', '\\end{pmatrix}', '&', '\\\\', '\\,', '\\;', '\\!', '\\quad', '$', '$$', '\\(', '\\)', '\\[', '\\]', '\\sin', '\\log',
  '\\ln', '\\lim', '\\sum', '\\int', '\\binom', '\\vert', '|', '\\lvert', '\\rvert', 'x', 'y', 'n', 'e', 'i', 'and', 'or', 'dollars', 'cm', '\\',
  '\\unknowncommand', '~', '#', '####', '\\hline', '\\cr', 'π', '√', '∞', '−', '×',
];
const soup = fc.tuple(fc.array(fc.oneof(fc.constantFrom(...SOUP_TOKENS), numberToken), { maxLength: 60 }), fc.constantFrom('', ' ')).map(([tokens, glue]) => tokens.join(glue));

const noise = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  fc.constantFrom('', 'Let me think.', '\n', '</think>', '<think>', '<answer>', '</answer>', '\\boxed{', '}', '$', 'The answer is', '####', '**'),
);

/** An answer text: grammar, soup, pathological, or plain noise. */
const answerText = fc.oneof({ arbitrary: expr, weight: 5 }, { arbitrary: soup, weight: 3 }, { arbitrary: pathological, weight: 2 }, { arbitrary: noise, weight: 1 });

/** Many copies of a fragment (a long completion that stresses the extractor's scans), as its recipe. */
const repeated = fc
  .tuple(
    fc.constantFrom('\\boxed{', '</think>', '<think>', '<answer>', '</answer>', '####', 'The final answer is ', '**', '{', '}', '\\', '1,', '9', '$', '\n'),
    fc.oneof(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom(5_000, 20_000)),
  )
  .map(([fragment, times]) => ({ text: fragment.repeat(times), recipe: `${JSON.stringify(fragment)}.repeat(${times})` }));

type Wrap = (a: string, b: string) => string;
const WRAPS: readonly Wrap[] = [
  (a) => `\\boxed{${a}}`,
  (a) => `<think>\nworking\n</think>\n<answer>\n${a}\n</answer>`,
  (a) => `<think>${a}`,
  (a) => `The final answer is $${a}$.`,
  (a) => `Answer: ${a}`,
  (a) => `#### ${a}`,
  (a) => a,
  (a) => `**${a}**`,
  (a) => `\\fbox{${a}`,
  (a, b) => `$\\boxed{${a}}$ and $\\boxed{${b}}$`,
  (a, b) => `First \\boxed{${b}}, then \\[ x = ${a} \\]`,
  (a, b) => `<answer>${b}</answer> <answer>${a}`,
];

/** Where the extractor is meant to find the answer (or nearly: unclosed tags, unbalanced boxes), after noise. */
const completionText: fc.Arbitrary<Recipe> = fc
  .tuple(answerText, answerText, noise, fc.option(repeated, { nil: undefined, freq: 6 }), fc.nat(WRAPS.length - 1))
  .map(([a, b, around, long, wrap]) => {
    const wrapped = (WRAPS[wrap] ?? WRAPS[0] ?? ((x: string) => x))(a, b);
    const text = `${around}${long?.text ?? ''}${wrapped}`;
    return recipe(text, long === undefined ? JSON.stringify(text) : `${JSON.stringify(around)} + ${long.recipe} + ${JSON.stringify(wrapped)}`);
  });

const gold = fc.oneof({ arbitrary: answerText, weight: 4 }, { arbitrary: fc.array(answerText, { minLength: 1, maxLength: 3 }), weight: 1 });

/** The gold rewritten the way a model might write it: same value, other spelling (drives the equivalence engine past text equality). */
const REWRITES: ReadonlyArray<(g: string) => string> = [
  (g) => g,
  (g) => `$${g}$`,
  (g) => g.replace(/\\left|\\right/g, ''),
  (g) => g.replace(/\\dfrac|\\tfrac/g, '\\frac'),
  (g) => g.replace(/\s+/g, ''),
  (g) => `(${g})`,
  (g) => `1 \\cdot (${g})`,
  (g) => `${g} + 0`,
  (g) => `0 + ${g}`,
  (g) => `${g} - ${g} + ${g}`,
  (g) => `(${g})^{1}`,
  (g) => `\\frac{2(${g})}{2}`,
  (g) => `-(-(${g}))`,
  (g) => `${g}.0`,
];
const goldAndCompletion: fc.Arbitrary<[MathTask['answer'], Recipe]> = fc.oneof(
  { arbitrary: fc.tuple(gold, completionText), weight: 3 },
  {
    arbitrary: fc.tuple(answerText, fc.nat(REWRITES.length - 1), noise).map(([g, rewrite, after]): [string, Recipe] => {
      const text = `<think>\nok\n</think>\n\\boxed{${(REWRITES[rewrite] ?? ((x: string) => x))(g)}}${after}`;
      return [g, recipe(text, JSON.stringify(text))];
    }),
    weight: 2,
  },
);

const taskOptions = fc.record(
  {
    require_think: fc.oneof({ arbitrary: fc.constant(false), weight: 5 }, { arbitrary: fc.constant(true), weight: 1 }),
    last_number: fc.boolean(),
    log_base: fc.constantFrom('either' as const, 'e' as const, '10' as const),
  },
  { requiredKeys: [] },
);

// ---- checks ----------------------------------------------------------------------------------------

const SCORED: Partial<Record<Verdict['status'], number>> = { correct: 1, incorrect: 0, no_answer: 0 };

function expectWellFormed(verdict: Verdict): void {
  expect(Value.Check(Status, verdict.status), `status ${String(verdict.status)} is not in the registry`).toBe(true);
  const score = SCORED[verdict.status];
  if (score !== undefined) expect(verdict.score).toBe(score);
  else expect(verdict.status).toBe('invalid_reference');
  if (verdict.status === 'invalid_reference') expect(verdict.score).toBeNull();
  expect(verdict.answer === null || typeof verdict.answer === 'string').toBe(true);
  expect(() => JSON.stringify(verdict.details)).not.toThrow();
}

/** One timed check on fresh objects (the verifier caches golds per task object). */
async function check(task: MathTask, text: string): Promise<Verdict> {
  const { result, ms } = await withinDeadline(() => verifyMath(structuredClone(task), normalizeCompletion(text)), DEADLINE_MS);
  checked += 1;
  expect(ms, `took ${ms.toFixed(0)} ms (deadline ${DEADLINE_MS} ms)`).toBeLessThan(DEADLINE_MS);
  return result;
}

afterAll(() => {
  console.log(`math fuzz: ${checked} checks, seed ${FUZZ_SEED}`);
});

describe(`math verifier fuzz (seed ${FUZZ_SEED})`, () => {
  it('gives every random completion against every random gold a registry verdict within 250 ms, and the same one again', async () => {
    // The determinism re-check runs on a quarter of the inputs (chosen by the generator, so a replay repeats it).
    const property = fc.asyncProperty(goldAndCompletion, taskOptions, fc.nat(3), async ([answer, completion], options, recheck) => {
      const task: MathTask = { type: 'math', answer, ...options };
      const verdict = await check(task, completion.text);
      expectWellFormed(verdict);
      if (recheck === 0) expect(verifyMath(structuredClone(task), normalizeCompletion(completion.text))).toEqual(verdict);
    });
    await checkProperty(property, runs(10_000), FILE);
  }, 120_000);

  it('scores a completion that boxes exactly a valid gold as correct', async () => {
    // Grammar expressions only: their braces balance, so `\boxed{…}` gives back exactly the gold.
    const property = fc.asyncProperty(fc.oneof(expr, pathological), async (answer) => {
      const verdict = await check({ type: 'math', answer }, `<think>\nsure\n</think>\nSo the answer is \\boxed{${answer}}.`);
      expectWellFormed(verdict);
      if (verdict.status !== 'invalid_reference') expect(verdict, `gold ${JSON.stringify(answer)}`).toMatchObject({ status: 'correct', score: 1 });
    });
    await checkProperty(property, runs(2_000), FILE);
  }, 60_000);
});
