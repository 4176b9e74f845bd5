/**
 * The `math` task verifier: extract the final answer (extract.ts), parse gold and prediction into typed
 * values (parse.ts) and compare them (equivalent.ts), under the task's policies (policies.ts). Golds are
 * parsed once per task object. A base-less `\log` is parsed once per reading the task allows, and both sides
 * are always read the same way.
 */
import type { MathTask } from '../../core/schemas/task.ts';
import type { NormalizedCompletion } from '../../core/schemas/completion.ts';
import type { TaskVerifier, Verdict } from '../types.ts';
import { equivalent } from './equivalent.ts';
import { hasBareLog, type LogBase } from './expr.ts';
import { extractMathAnswer, type ExtractOptions } from './extract.ts';
import { cleanLatex } from './latex.ts';
import { normalizeText, parseAnswer, type Parsed } from './parse.ts';
import { hasUnreducedFraction, lineNotation, radianReading, type LineNotation } from './policies.ts';
import { resetSymbolicBudget } from './symbolic.ts';
import type { MathValue, NumberValue } from './value.ts';
import { cachedByObject } from '../cached-by-object.ts';

/**
 * One accepted answer: its normalised text, its value under each `log` reading of the reference, its notation
 * (read only under `inequality_interval: one_way`) and its radian reading (only under `angle_units: either`).
 */
interface Gold {
  readonly text: string;
  readonly values: readonly MathValue[];
  readonly notation: LineNotation;
  readonly radians: NumberValue | null;
}
/** The task's policy options, defaults applied. */
interface Policy {
  readonly requireReduced: boolean;
  readonly oneWay: boolean;
  readonly radians: boolean;
}
type Reference =
  | { readonly ok: true; readonly golds: readonly Gold[]; readonly readings: readonly LogBase[]; readonly extract: ExtractOptions; readonly policy: Policy }
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
  const policy: Policy = {
    requireReduced: task.require_reduced_fractions === true,
    oneWay: task.inequality_interval === 'one_way',
    radians: task.angle_units !== 'as_written',
  };
  const golds: Gold[] = [];
  for (const answer of answers) {
    const values: MathValue[] = [];
    for (const parsed of parseReadings(answer, readings)) {
      if (!parsed.ok) return { ok: false, reason: `gold "${answer.slice(0, 80)}": ${parsed.reason} (${parsed.detail})` };
      values.push(parsed.value);
    }
    const cleaned = cleanLatex(answer);
    const first = values[0] as MathValue;
    golds.push({
      text: normalizeText(cleaned),
      values,
      notation: policy.oneWay ? lineNotation(cleaned, first) : 'other',
      radians: policy.radians ? radianReading(answer, first) : null,
    });
  }
  const extract = { requireThink: task.require_think === true, lastNumber: task.last_number === true };
  return { ok: true, golds, readings, extract, policy };
}

/**
 * Whether a reading exists under which gold and prediction are equivalent (each distinct pair compared once),
 * or an angle in degrees on one side is the other's radians.
 */
function matches(gold: Gold, values: readonly MathValue[], radians: NumberValue | null): boolean {
  for (let k = 0; k < values.length; k++) {
    const [g, p] = [gold.values[k], values[k]];
    if (g === undefined || p === undefined) continue;
    if (k > 0 && g === gold.values[k - 1] && p === values[k - 1]) continue;
    if (equivalent(g, p)) return true;
  }
  const [g, p] = [gold.values[0], values[0]];
  if (g === undefined || p === undefined) return false;
  return (gold.radians !== null && equivalent(gold.radians, p)) || (radians !== null && equivalent(g, radians));
}

// A group's completions share one task object: its reference is prepared once per group.
const referenceOf = cachedByObject(prepareReference);

/**
 * Verifies a math task. `correct` (1) when the extracted answer is equivalent to an accepted answer;
 * `incorrect` (0) otherwise, with reason `too_large` when the answer was refused by the magnitude guards,
 * `unreduced_fraction` or `inequality_for_interval` when a right value broke the task's notation policy;
 * `no_answer` (0) when no answer was found; `invalid_reference` (null) when a gold cannot be parsed.
 * details: { extraction, reason? }.
 * @example verifyMath({ type: 'math', answer: '\\frac{1}{2}' }, normalizeCompletion('so \\boxed{0.5}')) // correct
 */
export const verifyMath: TaskVerifier<MathTask> = (task: MathTask, completion: NormalizedCompletion): Verdict => {
  const reference = referenceOf(task);
  const { answer, source } = extractMathAnswer(completion.text, reference.ok ? reference.extract : {});
  if (!reference.ok) return { status: 'invalid_reference', score: null, answer, details: { extraction: source, reason: reference.reason } };
  if (answer === null) return { status: 'no_answer', score: 0, answer: null, details: { extraction: source } };
  const values: MathValue[] = [];
  for (const parsed of parseReadings(answer, reference.readings)) {
    if (parsed.ok) values.push(parsed.value);
    else if (parsed.reason === 'empty') return { status: 'no_answer', score: 0, answer, details: { extraction: source } };
    else return { status: 'incorrect', score: 0, answer, details: { extraction: source, reason: 'too_large' } };
  }
  resetSymbolicBudget();
  const { policy } = reference;
  const cleaned = cleanLatex(answer);
  const text = normalizeText(cleaned);
  const first = values[0] as MathValue;
  const radians = policy.radians ? radianReading(answer, first) : null;
  const inequality = policy.oneWay && lineNotation(cleaned, first) === 'inequality';
  let wrongNotation = false;
  const correct = reference.golds.some((gold) => {
    if (!(gold.text === text || matches(gold, values, radians))) return false;
    wrongNotation ||= inequality && gold.notation === 'interval';
    return !(inequality && gold.notation === 'interval');
  });
  const unreduced = correct && policy.requireReduced && hasUnreducedFraction(cleaned);
  if (correct && !unreduced) return { status: 'correct', score: 1, answer, details: { extraction: source } };
  const reason = unreduced ? 'unreduced_fraction' : wrongNotation ? 'inequality_for_interval' : null;
  return { status: 'incorrect', score: 0, answer, details: reason === null ? { extraction: source } : { extraction: source, reason } };
};
