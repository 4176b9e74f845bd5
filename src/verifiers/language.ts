/**
 * R1 language consistency (DeepSeek-R1 v2 Eq. 7): Num(words in the target language) / Num(words), over the
 * chain of thought. Word and script rules: scripts.ts; targets: language-targets.ts.
 */
import { SCRIPT_SLOTS, countWords } from './scripts.ts';
import type { LanguageTarget } from './language-targets.ts';

/** Details reported under `details.language`. */
export interface LanguageDetails {
  readonly target: string;
  readonly inferred: boolean;
  readonly words: number;
  readonly target_words: number;
}

/** Half-open ranges of the text that form the think span (at most two: before and after an answer block). */
export type Spans = readonly [start: number, end: number, start2: number, end2: number];

/**
 * The think span: the body of the first `<think>…</think>`; after a `<think>` with no close, the rest of
 * the text; with a `</think>` but no `<think>` (chat templates that put `<think>` in the prompt), the text
 * before it; with no think tag at all, the completion without its `<answer>` block(s).
 * @example thinkSpans('<think>abc</think>x') // [7, 10, 10, 10]
 */
export function thinkSpans(text: string): Spans {
  const open = text.indexOf('<think>');
  const close = text.indexOf('</think>', open === -1 ? 0 : open + 7);
  if (open !== -1) return close === -1 ? [open + 7, text.length, 0, 0] : [open + 7, close, 0, 0];
  if (close !== -1) return [0, close, 0, 0];
  const answer = text.indexOf('<answer>');
  if (answer === -1) return [0, text.length, 0, 0];
  const answerEnd = text.lastIndexOf('</answer>');
  return answerEnd > answer ? [0, answer, answerEnd + 9, text.length] : [0, answer, 0, 0];
}

// One scratch array per thread: scoring is synchronous, and this keeps the reward allocation-free.
const scratch = new Uint32Array(SCRIPT_SLOTS);

/**
 * Language consistency of a completion's think span; 0 when it has no words.
 * @example languageConsistency('<think>我想 think</think>', resolveLanguageTarget('zh', null)).value // 2/3
 */
export function languageConsistency(text: string, target: LanguageTarget): { value: number; details: LanguageDetails } {
  const [a, b, c, d] = thinkSpans(text);
  scratch.fill(0);
  const words = countWords(text, a, b, scratch) + (d > c ? countWords(text, c, d, scratch) : 0);
  let targetWords = 0;
  for (let id = 1; id < SCRIPT_SLOTS; id++) if ((target.mask >>> id) & 1) targetWords += scratch[id] as number;
  return {
    value: words === 0 ? 0 : targetWords / words,
    details: { target: target.target, inferred: target.inferred, words, target_words: targetWords },
  };
}
