/**
 * Where a text answer sits in a completion: the span (answer tag, after the reasoning, or everything),
 * and within a long span the marked answer ("the answer is X", "Answer: X", the last **bold**). Index
 * scans and linear regexes only: completions can be 100 KB.
 */

/** Where the span came from (details.extraction). */
export type ExtractionSource = 'answer_tag' | 'after_think' | 'whole';

/**
 * The answer span: the body of the last `<answer>…</answer>`, else the text after the last `</think>`,
 * else the whole completion. Not trimmed.
 * @example extractSpan('<think>…</think> <answer> B </answer>') // { span: ' B ', source: 'answer_tag' }
 */
export function extractSpan(text: string): { span: string; source: ExtractionSource } {
  const close = text.lastIndexOf('</answer>');
  if (close !== -1) {
    const open = text.lastIndexOf('<answer>', close);
    if (open !== -1) return { span: text.slice(open + 8, close), source: 'answer_tag' };
  }
  const thinkEnd = text.lastIndexOf('</think>');
  if (thinkEnd !== -1) return { span: text.slice(thinkEnd + 8), source: 'after_think' };
  return { span: text, source: 'whole' };
}

// "the answer is X", "The final answer is: X", "Answer: X", "answer：X". Bounded gaps keep it linear.
const MARKER = /\banswer[ \t]{0,8}(?:is\b[ \t]{0,8}:?|[:：])/gi;
const BOLD = /\*\*([^*\n]+)\*\*/g;

/** A span at most this long and on one line is an answer by itself; longer ones need a marker. */
export const SHORT_ANSWER_CHARS = 100;

function lastMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) last = m;
  return last;
}

/** The rest of the line after `from`, or the next non-empty line when that is empty ("Answer:\nParis"). */
function lineFrom(text: string, from: number): string {
  let start = from;
  while (start < text.length && /\s/.test(text.charAt(start))) start++;
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end).trim();
}

/** Whether a trimmed span is short enough to be the answer itself. @example isShortAnswer('Paris') // true */
export function isShortAnswer(span: string): boolean {
  return span.length <= SHORT_ANSWER_CHARS && !span.includes('\n');
}

/**
 * The marked answer of a trimmed span: the line after the last "answer is"/"Answer:" marker (its first
 * **bold** part when it has one), else for a long span its last **bold** text, else null.
 * @example markedAnswer('Thus the answer is **Paris**, of course.') // 'Paris'
 */
export function markedAnswer(span: string): string | null {
  const marker = lastMatch(MARKER, span);
  if (marker !== null) {
    const line = lineFrom(span, marker.index + marker[0].length);
    if (line !== '') {
      BOLD.lastIndex = 0;
      const bold = BOLD.exec(line);
      return bold !== null ? (bold[1] as string).trim() : line;
    }
  }
  if (isShortAnswer(span)) return null;
  const bold = lastMatch(BOLD, span);
  return bold !== null ? (bold[1] as string).trim() : null;
}

/**
 * The last non-empty line of a span: what a long unmarked span is reported as.
 * @example lastLine('so\nParis\n') // 'Paris'
 */
export function lastLine(span: string): string {
  let end = span.length;
  while (end > 0) {
    const start = span.lastIndexOf('\n', end - 1) + 1;
    const line = span.slice(start, end).trim();
    if (line !== '') return line;
    end = start - 1;
  }
  return '';
}
