/**
 * The `math` task verifier: extract the final answer (extract.ts), parse gold and prediction into typed
 * values (parse.ts) and compare them (equivalent.ts). Golds are parsed once per task object. A base-less
 * `\log` is parsed once per reading the task allows, and both sides are always read the same way.
 */
import type { MathTask } from '../../core/schemas/task.ts';
import type { NormalizedCompletion } from '../../core/schemas/completion.ts';
import type { TaskVerifier, Verdict } from '../types.ts';
import { equivalent } from './equivalent.ts';
import { hasBareLog, type LogBase } from './expr.ts';
import { extractMathAnswer, type ExtractOptions } from './extract.ts';
import { cleanLatex } from './latex.ts';
import { normalizeText, parseAnswer, type Parsed } from './parse.ts';
import type { MathValue } from './value.ts';
import { cachedByObject } from '../cached-by-object.ts';

/** One accepted answer: its normalised text, and its value under each `log` reading of the reference. */
interface Gold {
  readonly text: string;
  readonly values: readonly MathValue[];
}
type Reference =
  | { readonly ok: true; readonly golds: readonly Gold[]; readonly readings: readonly LogBase[]; readonly extract: ExtractOptions }
  | { readonly ok: false; readonly reason: string };

const EITHER: readonly LogBase[] = ['e', '10'];

function readingsOf(task: MathTask): readonly LogBase[] {
  if (task.log_base === 'e' || task.log_base === '10') return [task.log_base];
  return EITHER;
}

/** Parses under each reading (aligned with `readings`), once when the text has no bare log: every reading is then the same. */
function parseReadings(text: string, readings: readonly LogBase[]): Parsed[] {
  const first = parseAnswer(text, readings[0]);
  if (readings.length === 1 || !hasBareLog(text)) return readings.map(() => first);
  return readings.map((base, k) => (k === 0 ? first : parseAnswer(text, base)));
}

function prepareReference(task: MathTask): Reference {
  const answers = typeof task.answer === 'string' ? [task.answer] : task.answer;
  const readings = readingsOf(task);
  const golds: Gold[] = [];
  for (const answer of answers) {
    const values: MathValue[] = [];
    for (const parsed of parseReadings(answer, readings)) {
      if (!parsed.ok) return { ok: false, reason: `gold "${answer.slice(0, 80)}": ${parsed.reason} (${parsed.detail})` };
      values.push(parsed.value);
    }
    golds.push({ text: normalizeText(cleanLatex(answer)), values });
  }
  return { ok: true, golds, readings, extract: { requireThink: task.require_think === true, lastNumber: task.last_number === true } };
}

/** Whether a reading exists under which gold and prediction are equivalent (each distinct pair compared once). */
function matches(gold: Gold, parses: readonly Parsed[]): boolean {
  for (let k = 0; k < parses.length; k++) {
    const [g, p] = [gold.values[k], parses[k]];
    if (g === undefined || p === undefined || !p.ok) continue;
    if (k > 0 && g === gold.values[k - 1] && p === parses[k - 1]) continue;
    if (equivalent(g, p.value)) return true;
  }
  return false;
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
  const { answer, source } = extractMathAnswer(completion.text, reference.ok ? reference.extract : {});
  if (!reference.ok) return { status: 'invalid_reference', score: null, answer, details: { extraction: source, reason: reference.reason } };
  if (answer === null) return { status: 'no_answer', score: 0, answer: null, details: { extraction: source } };
  const parses = parseReadings(answer, reference.readings);
  const refused = parses.find((parsed) => !parsed.ok);
  if (refused !== undefined && !refused.ok) {
    if (refused.reason === 'empty') return { status: 'no_answer', score: 0, answer, details: { extraction: source } };
    return { status: 'incorrect', score: 0, answer, details: { extraction: source, reason: 'too_large' } };
  }
  const text = normalizeText(cleanLatex(answer));
  const correct = reference.golds.some((gold) => gold.text === text || matches(gold, parses));
  return correct ? { status: 'correct', score: 1, answer, details: { extraction: source } } : { status: 'incorrect', score: 0, answer, details: { extraction: source } };
};
