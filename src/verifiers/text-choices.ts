/**
 * Multiple choice: answer letters in their usual spellings (`B`, `(B)`, `B)`, `B.`, `\text{B}`, `**B**`,
 * `Option B`, `B) <text of B>`) and option texts, both mapped to a choice index.
 */
import { normalizeAnswer } from './text-normalize.ts';

/** Letter of choice `index`. @example choiceLetter(1) // 'B' */
export function choiceLetter(index: number): string {
  return String.fromCharCode(0x41 + index);
}

// Applied to a case-folded, normalised answer, whose wrappers ((B), **B**, \text{B}, trailing ".") are gone.
const LETTER = /^(?:(?:option|choice)\s+)?([a-z])(?:\s*[):.])?$/;
const LETTER_THEN_TEXT = /^\(?([a-z])(?:\)|[).:])\s*(\S.*)$/;

/** Choices of a task, ready for lookups. */
export interface Choices {
  readonly count: number;
  readonly caseSensitive: boolean;
  /** Normalised option text → index (the first option wins when two normalise alike). */
  readonly byText: ReadonlyMap<string, number>;
}

/** @example prepareChoices(['Paris', 'London'], false).byText.get('london') // 1 */
export function prepareChoices(choices: readonly string[], caseSensitive: boolean): Choices {
  const byText = new Map<string, number>();
  choices.forEach((choice, index) => {
    const key = normalizeAnswer(choice, caseSensitive);
    if (key !== '' && !byText.has(key)) byText.set(key, index);
  });
  return { count: choices.length, caseSensitive, byText };
}

/**
 * The letter index an answer spells (0 for A), whether or not the choices have it; null when it spells none.
 * With `choices`, "B) text" counts only when the text is option B's (so "A cat" is not letter A).
 * @example letterIndex('(B)', null) // 1; letterIndex('A cat', choices) // null
 */
export function letterIndex(answer: string, choices: Choices | null): number | null {
  const folded = normalizeAnswer(answer, false);
  const letter = LETTER.exec(folded);
  if (letter !== null) return (letter[1] as string).charCodeAt(0) - 0x61;
  if (choices === null) return null;
  const withText = LETTER_THEN_TEXT.exec(folded);
  if (withText === null) return null;
  const index = (withText[1] as string).charCodeAt(0) - 0x61;
  const text = choices.caseSensitive ? normalizeAnswer(answer, true).replace(/^\(?[A-Za-z](?:\)|[).:])\s*/, '') : (withText[2] as string);
  return choices.byText.get(normalizeAnswer(text, choices.caseSensitive)) === index ? index : null;
}

/**
 * The choice an answer selects: a letter within range, else an option's text; null when neither.
 * @example selectedChoice('**B**', choices) // 1; selectedChoice('london', choices) // 1
 */
export function selectedChoice(answer: string, choices: Choices): number | null {
  const index = letterIndex(answer, choices);
  if (index !== null) return index < choices.count ? index : null;
  return choices.byText.get(normalizeAnswer(answer, choices.caseSensitive)) ?? null;
}
