/**
 * Where a math answer sits in a completion. Scans from the end with index searches and bounded regexes
 * only (completions can be 100 KB): the text after the last `</think>`, the last `<answer>…</answer>`,
 * the last `\boxed{}`/`\fbox{}` (brace-matched), "final answer is"/"answer:", GSM8K `#### n`, or a
 * short completion on its own.
 */

/** Where the answer came from (details.extraction). */
export type MathExtraction = 'answer_tag' | 'boxed' | 'marker' | 'gsm8k' | 'bare' | 'none';

/** A completion at most this long (trimmed) with no marker is graded as the answer itself. */
export const BARE_ANSWER_CHARS = 80;

const BOX_COMMANDS = ['\\boxed', '\\fbox'] as const;

/** The body of the brace group opening at `open` (text[open] === '{'), or null when unbalanced. */
function braceBody(text: string, open: number): string | null {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */ && --depth === 0) return text.slice(open + 1, i);
  }
  return null;
}

/**
 * The body of the last `\boxed{…}` or `\fbox{…}` (or `\boxed 5`), or null.
 * @example lastBoxed('so \\boxed{\\frac{1}{2}}.') // '\\frac{1}{2}'
 */
export function lastBoxed(text: string): string | null {
  let at = -1;
  let command = '';
  for (const name of BOX_COMMANDS) {
    const i = text.lastIndexOf(name);
    if (i > at) [at, command] = [i, name];
  }
  // An unbalanced last box (a truncated completion) falls back to the one before it, once: each try
  // scans to the end, and more tries would make 20,000 unbalanced boxes quadratic.
  for (let tries = 0; at !== -1 && tries < 2; tries++) {
    let i = at + command.length;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === '{') {
      const body = braceBody(text, i);
      if (body !== null) return body;
    } else {
      const m = /^ *([^\s$]+)/.exec(text.slice(at + command.length, at + command.length + 64));
      if (m?.[1] !== undefined) return m[1];
    }
    let previous = -1;
    for (const name of BOX_COMMANDS) {
      const j = at === 0 ? -1 : text.lastIndexOf(name, at - 1);
      if (j > previous) [previous, command] = [j, name];
    }
    at = previous;
  }
  return null;
}

const MARKER = /(?:final answer|answer)[ \t]{0,8}(?:is\b[ \t]{0,8}:?|[:：])[ \t]{0,8}/gi;

/** The answer after the last "answer is"/"answer:" marker: a `$…$` group, or the line up to a sentence end. */
function markedAnswer(text: string): string | null {
  MARKER.lastIndex = 0;
  let end = -1;
  for (let m = MARKER.exec(text); m !== null; m = MARKER.exec(text)) end = m.index + m[0].length;
  if (end === -1) return null;
  let rest = text.slice(end, end + 2000);
  const newline = rest.indexOf('\n');
  if (newline === 0) rest = rest.slice(1);
  else if (newline > 0) rest = rest.slice(0, newline);
  rest = rest.replace(/^\*\*|\*\*$/g, '').trim();
  if (rest.startsWith('$')) {
    const delimiter = rest.startsWith('$$') ? '$$' : '$';
    const close = rest.indexOf(delimiter, delimiter.length);
    if (close !== -1) return rest.slice(delimiter.length, close);
  }
  const sentence = /\.(?:\s|$)/.exec(rest);
  const answer = (sentence === null ? rest : rest.slice(0, sentence.index)).trim();
  return answer === '' ? null : answer;
}

function gsm8k(text: string): string | null {
  const at = text.lastIndexOf('####');
  if (at === -1) return null;
  const m = /^#*[ \t]*([^\n]{1,200})/.exec(text.slice(at + 4, at + 260));
  return m?.[1]?.trim() ?? null;
}

/**
 * The final answer of a completion and where it came from; `answer` is null when none was found.
 * @example extractMathAnswer('<think>2+2</think> The answer is $4$.') // { answer: '4', source: 'marker' }
 */
export function extractMathAnswer(text: string): { answer: string | null; source: MathExtraction } {
  const thinkEnd = text.lastIndexOf('</think>');
  // Still thinking when the completion ended: there is no final answer yet.
  if (thinkEnd === -1 && text.includes('<think>')) return { answer: null, source: 'none' };
  let span = thinkEnd === -1 ? text : text.slice(thinkEnd + 8);
  let source: MathExtraction = 'bare';
  const close = span.lastIndexOf('</answer>');
  if (close !== -1) {
    const open = span.lastIndexOf('<answer>', close);
    if (open !== -1) {
      span = span.slice(open + 8, close);
      source = 'answer_tag';
    }
  }
  const boxed = lastBoxed(span);
  if (boxed !== null) return { answer: boxed.trim(), source: source === 'answer_tag' ? source : 'boxed' };
  const marked = markedAnswer(span);
  if (marked !== null) return { answer: marked, source: source === 'answer_tag' ? source : 'marker' };
  const hashes = gsm8k(span);
  if (hashes !== null) return { answer: hashes, source: source === 'answer_tag' ? source : 'gsm8k' };
  const whole = span.trim();
  if (whole !== '' && (source === 'answer_tag' || (whole.length <= BARE_ANSWER_CHARS && !whole.includes('\n')))) return { answer: whole, source };
  return { answer: null, source: 'none' };
}
