/**
 * Where a math answer sits in a completion. Scans from the end with index searches and bounded regexes
 * only (completions can be 100 KB): the text after the last `</think>`, the last `<answer>…</answer>`,
 * the last `\boxed{}`/`\fbox{}` (brace-matched; adjacent or "and"-separated boxes joined into a list),
 * "final answer is"/"answer:", a bold `**…**` answer, GSM8K `#### n`, a short completion on its own, and
 * as an opt-in the last number.
 */

/** Where the answer came from (details.extraction). */
export type MathExtraction = 'answer_tag' | 'boxed' | 'marker' | 'bold' | 'gsm8k' | 'bare' | 'last_number' | 'none';

/** Extraction policies (task options `require_think`, `last_number`). */
export interface ExtractOptions {
  /** Without `</think>` there is no answer. Default false. */
  readonly requireThink?: boolean;
  /** When nothing else is found, take the last number. Default false. */
  readonly lastNumber?: boolean;
}

/** A completion at most this long (trimmed) with no marker is graded as the answer itself. */
export const BARE_ANSWER_CHARS = 80;
/** At most this many adjacent boxes are joined. */
export const MAX_JOINED_BOXES = 16;

const BOX_COMMANDS = ['\\boxed', '\\fbox'] as const;

/** The index after the brace group opening at `open` (text[open] === '{'), or -1 when unbalanced. */
function braceEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */ && --depth === 0) return i + 1;
  }
  return -1;
}

interface Box {
  readonly body: string;
  readonly start: number;
  readonly end: number;
}

function lastCommand(text: string, before: number): { at: number; command: string } {
  let at = -1;
  let command = '';
  for (const name of BOX_COMMANDS) {
    const i = before < 0 ? -1 : text.lastIndexOf(name, before);
    if (i > at) [at, command] = [i, name];
  }
  return { at, command };
}

/** The last complete box starting at or before `before`; an unbalanced one falls back to the one before it, once. */
function lastBox(text: string, before = text.length): Box | null {
  let { at, command } = lastCommand(text, before);
  // Each try scans to the end, and more tries would make 20,000 unbalanced boxes quadratic.
  for (let tries = 0; at !== -1 && tries < 2; tries++) {
    let i = at + command.length;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === '{') {
      const end = braceEnd(text, i);
      if (end !== -1) return { body: text.slice(i + 1, end - 1), start: at, end };
    } else {
      const m = /^ *([^\s$]+)/.exec(text.slice(at + command.length, at + command.length + 64));
      if (m?.[1] !== undefined) return { body: m[1], start: at, end: at + command.length + m[0].length };
    }
    ({ at, command } = lastCommand(text, at - 1));
  }
  return null;
}

/**
 * The body of the last `\boxed{…}` or `\fbox{…}` (or `\boxed 5`), or null.
 * @example lastBoxed('so \\boxed{\\frac{1}{2}}.') // '\\frac{1}{2}'
 */
export function lastBoxed(text: string): string | null {
  return lastBox(text)?.body ?? null;
}

// What may stand between two boxes that are one answer: spaces, commas, `$`, and "and".
const BETWEEN_BOXES = /^(?:[\s,;$]|\\[,;:! ]|\\q?quad|\\text\{\s*(?:and|,)\s*\}|and)*$/;

/**
 * The last box, joined with the boxes right before it (`\boxed{1}, \boxed{2}` or `\boxed{1} and \boxed{2}`)
 * into one list answer.
 * @example boxedAnswer('\\boxed{1} and \\boxed{2}') // '1, 2'
 */
export function boxedAnswer(text: string): string | null {
  const last = lastBox(text);
  if (last === null) return null;
  const bodies = [last.body];
  let start = last.start;
  while (bodies.length < MAX_JOINED_BOXES) {
    const previous = lastBox(text, start - 1);
    if (previous === null || previous.end > start || !BETWEEN_BOXES.test(text.slice(previous.end, Math.min(start, previous.end + 40)))) break;
    if (start - previous.end > 40) break;
    bodies.unshift(previous.body);
    start = previous.start;
  }
  return bodies.map((body) => body.trim()).join(', ');
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

/** The last bold `**…**` span near the end (up to 100 characters, holding a digit or math, not a heading), or null. */
function boldAnswer(text: string): string | null {
  const close = text.lastIndexOf('**');
  if (close <= 0 || text.length - close - 2 > BARE_ANSWER_CHARS) return null;
  const open = text.lastIndexOf('**', close - 1);
  if (open === -1 || close - open - 2 > 100) return null;
  const body = text.slice(open + 2, close).trim();
  if (!/[\d\\$]/.test(body) || body.endsWith(':')) return null;
  return body.replace(/^\$+|\$+$/g, '').trim() || null;
}

function gsm8k(text: string): string | null {
  const at = text.lastIndexOf('####');
  if (at === -1) return null;
  const m = /^#*[ \t]*([^\n]{1,200})/.exec(text.slice(at + 4, at + 260));
  return m?.[1]?.trim() ?? null;
}

/** The last number in the text (`-1,234.5`, `3/4`), looking at its final 2,000 characters. */
function lastNumber(text: string): string | null {
  const tail = text.slice(-2000);
  const all = tail.match(/-?\d[\d,]*(?:\.\d+)?(?:\/\d+)?/g);
  const last = all?.[all.length - 1];
  return last === undefined ? null : last.replace(/,$/, '');
}

function found(answer: string | null, source: MathExtraction, tagged: boolean): { answer: string; source: MathExtraction } | null {
  return answer === null ? null : { answer: answer.trim(), source: tagged ? 'answer_tag' : source };
}

/**
 * The final answer of a completion and where it came from; `answer` is null when none was found.
 * @example extractMathAnswer('<think>2+2</think> The answer is $4$.') // { answer: '4', source: 'marker' }
 */
export function extractMathAnswer(text: string, options: ExtractOptions = {}): { answer: string | null; source: MathExtraction } {
  const thinkEnd = text.lastIndexOf('</think>');
  // Still thinking when the completion ended (or never said it was done, when that is required): no final answer.
  if (thinkEnd === -1 && (options.requireThink === true || text.includes('<think>'))) return { answer: null, source: 'none' };
  let span = thinkEnd === -1 ? text : text.slice(thinkEnd + 8);
  let tagged = false;
  const close = span.lastIndexOf('</answer>');
  if (close !== -1) {
    const open = span.lastIndexOf('<answer>', close);
    if (open !== -1) {
      span = span.slice(open + 8, close);
      tagged = true;
    }
  }
  const result =
    found(boxedAnswer(span), 'boxed', tagged) ??
    found(markedAnswer(span), 'marker', tagged) ??
    found(boldAnswer(span), 'bold', tagged) ??
    found(gsm8k(span), 'gsm8k', tagged);
  if (result !== null) return result;
  const whole = span.trim();
  if (whole !== '' && (tagged || (whole.length <= BARE_ANSWER_CHARS && !whole.includes('\n')))) return { answer: whole, source: tagged ? 'answer_tag' : 'bare' };
  const number = options.lastNumber === true ? lastNumber(span) : null;
  return number === null ? { answer: null, source: 'none' } : { answer: number, source: 'last_number' };
}
