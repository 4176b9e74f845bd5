/**
 * The `math` task verifier: extract the final answer (extract.ts), parse gold and prediction into typed
 * values (parse.ts) and compare them (equivalent.ts). Golds are parsed once per task object.
 */
import type { MathTask } from '../../core/schemas/task.ts';
import type { NormalizedCompletion } from '../../core/schemas/completion.ts';
import type { TaskVerifier, Verdict } from '../types.ts';
import { equivalent } from './equivalent.ts';
import { extractMathAnswer } from './extract.ts';
import { cleanLatex } from './latex.ts';
import { normalizeText, parseAnswer } from './parse.ts';
import type { MathValue } from './value.ts';
import { cachedByObject } from '../cached-by-object.ts';

interface Gold {
  readonly text: string;
  readonly value: MathValue;
}
type Reference = { readonly ok: true; readonly golds: readonly Gold[] } | { readonly ok: false; readonly reason: string };

function prepareReference(task: MathTask): Reference {
  const answers = typeof task.answer === 'string' ? [task.answer] : task.answer;
  const golds: Gold[] = [];
  for (const answer of answers) {
    const parsed = parseAnswer(answer);
    if (!parsed.ok) return { ok: false, reason: `gold "${answer.slice(0, 80)}": ${parsed.reason} (${parsed.detail})` };
    golds.push({ text: normalizeText(cleanLatex(answer)), value: parsed.value });
  }
  return { ok: true, golds };
}

// A group's completions share one task object: its reference is prepared once per group.
const referenceOf = cachedByObject(prepareReference);

/**
 * Verifies a math task. `correct` (1) when the extracted answer is equivalent to an accepted answer;
 * `incorrect` (0) otherwise, with reason `too_large` when the answer was refused by the magnitude guards;
 * `no_answer` (0) when no answer was found; `invalid_reference` (null) when a gold cannot be parsed.
 * details: { extraction, reason? }.
 * @example verifyMath({ type: 'math', answer: '\\frac{1}{2}' }, normalizeCompletion('so \\boxed{0.5}')) // correct
 */
export const verifyMath: TaskVerifier<MathTask> = (task: MathTask, completion: NormalizedCompletion): Verdict => {
  const reference = referenceOf(task);
  const { answer, source } = extractMathAnswer(completion.text);
  if (!reference.ok) return { status: 'invalid_reference', score: null, answer, details: { extraction: source, reason: reference.reason } };
  if (answer === null) return { status: 'no_answer', score: 0, answer: null, details: { extraction: source } };
  const parsed = parseAnswer(answer);
  if (!parsed.ok) {
    if (parsed.reason === 'empty') return { status: 'no_answer', score: 0, answer, details: { extraction: source } };
    return { status: 'incorrect', score: 0, answer, details: { extraction: source, reason: 'too_large' } };
  }
  const text = normalizeText(cleanLatex(answer));
  const correct = reference.golds.some((gold) => gold.text === text || equivalent(gold.value, parsed.value));
  return correct ? { status: 'correct', score: 1, answer, details: { extraction: source } } : { status: 'incorrect', score: 0, answer, details: { extraction: source } };
};
