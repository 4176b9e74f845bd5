/**
 * The `text` task verifier: normalised exact match against one or several accepted answers, or multiple
 * choice. Extraction: text-extract.ts; normalisation: text-normalize.ts; letters: text-choices.ts.
 */
import type { TextTask } from '../core/schemas/task.ts';
import type { NormalizedCompletion } from '../core/schemas/completion.ts';
import type { TaskVerifier, Verdict } from './types.ts';
import { extractSpan, isShortAnswer, lastLine, markedAnswer } from './text-extract.ts';
import { normalizeAnswer } from './text-normalize.ts';
import { choiceLetter, letterIndex, prepareChoices, selectedChoice, type Choices } from './text-choices.ts';
import { cachedByObject } from './cached-by-object.ts';

type Reference =
  | { readonly kind: 'invalid'; readonly reason: string }
  | { readonly kind: 'exact'; readonly accepted: ReadonlySet<string>; readonly caseSensitive: boolean; readonly longest: number }
  | { readonly kind: 'choice'; readonly choices: Choices; readonly correct: ReadonlySet<number>; readonly longest: number };

// A whole span this much longer than every accepted answer (or choice) cannot normalise to one of them
// short of pathological padding, and normalising 100 KB spans costs more than the rest of the grading.
const WHOLE_SPAN_SLACK_CHARS = 256;
const WHOLE_SPAN_SLACK_FACTOR = 4;

function prepareReference(task: TextTask): Reference {
  const answers = typeof task.answer === 'string' ? [task.answer] : task.answer;
  const caseSensitive = task.case_sensitive ?? false;
  if (task.choices === undefined) {
    const accepted = new Set(answers.map((a) => normalizeAnswer(a, caseSensitive)).filter((a) => a !== ''));
    if (accepted.size === 0) return { kind: 'invalid', reason: 'every accepted answer is empty after normalisation' };
    return { kind: 'exact', accepted, caseSensitive, longest: Math.max(...answers.map((a) => a.length)) };
  }
  const choices = prepareChoices(task.choices, caseSensitive);
  const correct = new Set<number>();
  for (const answer of answers) {
    const letter = letterIndex(answer, null);
    const index = letter ?? choices.byText.get(normalizeAnswer(answer, caseSensitive));
    if (index === undefined) return { kind: 'invalid', reason: `answer "${answer}" is neither a choice letter nor a choice text` };
    if (index >= choices.count) {
      return { kind: 'invalid', reason: `answer letter ${choiceLetter(index)} is outside the ${choices.count} choices` };
    }
    correct.add(index);
  }
  return { kind: 'choice', choices, correct, longest: Math.max(...answers.map((a) => a.length), ...task.choices.map((c) => c.length)) };
}

// A group's completions share one task object: its reference is prepared once per group.
const referenceOf = cachedByObject(prepareReference);

function matches(reference: Exclude<Reference, { kind: 'invalid' }>, candidate: string): { ok: boolean; choice?: string } {
  if (reference.kind === 'exact') return { ok: reference.accepted.has(normalizeAnswer(candidate, reference.caseSensitive)) };
  const index = selectedChoice(candidate, reference.choices);
  if (index === null) return { ok: false };
  return { ok: reference.correct.has(index), choice: choiceLetter(index) };
}

/**
 * Verifies a text task. `correct` (1) when the span, or its marked answer, matches an accepted answer;
 * `incorrect` (0) otherwise; `no_answer` (0) for an empty span; `invalid_reference` (null) when the task's
 * answers are empty after normalisation or name no valid choice. details: { extraction, choice?, reason? }.
 * @example verifyText({ type: 'text', answer: 'Paris' }, normalizeCompletion('<answer>The answer is **Paris**.</answer>')) // correct
 * @example verifyText({ type: 'text', answer: 'B', choices: ['1', '2'] }, normalizeCompletion('The answer is (B)')) // correct
 */
export const verifyText: TaskVerifier<TextTask> = (task: TextTask, completion: NormalizedCompletion): Verdict => {
  const reference = referenceOf(task);
  const { span, source } = extractSpan(completion.text);
  if (reference.kind === 'invalid') return { status: 'invalid_reference', score: null, answer: null, details: { extraction: source, reason: reference.reason } };
  const whole = span.trim();
  if (whole === '') return { status: 'no_answer', score: 0, answer: null, details: { extraction: source } };

  // The whole span is tried first, so an accepted answer that itself contains "answer:" still matches;
  // then the marked answer, or the last line of a long unmarked span ("…reasoning…\n\nB").
  const focused = markedAnswer(whole) ?? (isShortAnswer(whole) ? null : lastLine(whole));
  const plausibleWhole = whole.length <= WHOLE_SPAN_SLACK_FACTOR * reference.longest + WHOLE_SPAN_SLACK_CHARS;
  const candidates = focused === null || focused === '' ? [whole] : plausibleWhole ? [whole, focused] : [focused];
  let reported: { answer: string; choice?: string } | null = null;
  for (const candidate of candidates) {
    const result = matches(reference, candidate);
    if (result.ok) {
      const details = result.choice === undefined ? { extraction: source } : { extraction: source, choice: result.choice };
      return { status: 'correct', score: 1, answer: candidate, details };
    }
    if (result.choice !== undefined && reported === null) reported = { answer: candidate, choice: result.choice };
  }
  const answer = reported?.answer ?? (focused === null || focused === '' ? whole : focused);
  const details = reported?.choice === undefined ? { extraction: source } : { extraction: source, choice: reported.choice };
  return { status: 'incorrect', score: 0, answer, details };
};
