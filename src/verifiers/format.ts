/**
 * Format rewards (shared reference trainers.md §7). The trainers' regexes are emulated exactly, quirks
 * included, but with index scans instead of regexes: the lazy `.*?` pairs of R1 backtrack quadratically
 * on a 100 KB completion full of tags.
 */
import type { FormatMode } from './reward-config.ts';

/** Why a strict r1 check failed (details.reason), or null when it passed. */
export type FormatFailure =
  | 'missing_think'
  | 'missing_answer'
  | 'repeated_tag'
  | 'tags_out_of_order'
  | 'text_outside_tags';

export interface FormatResult {
  readonly value: number;
  readonly details: { readonly mode: FormatMode; readonly reason?: FormatFailure };
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // ASCII whitespace fast path; anything else goes through the regex (JS \s: Unicode spaces, NBSP, BOM).
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
    if (c < 0x80 || !/\s/.test(text.charAt(i))) return false;
  }
  return true;
}

/** Index of the only occurrence of `tag`, -1 when absent, -2 when it occurs more than once. */
function onlyIndex(text: string, tag: string): number {
  const first = text.indexOf(tag);
  if (first === -1) return -1;
  return text.indexOf(tag, first + tag.length) === -1 ? first : -2;
}

/**
 * Strict R1 template: exactly one `<think>…</think>`, then exactly one `<answer>…</answer>`, nothing but
 * whitespace before, between and after. Empty bodies pass (the accuracy reward judges the answer).
 * @example r1Format('<think>x</think>\n<answer>4</answer>') // { value: 1, … }
 */
function r1Format(text: string): FormatResult {
  const tags = [onlyIndex(text, '<think>'), onlyIndex(text, '</think>'), onlyIndex(text, '<answer>'), onlyIndex(text, '</answer>')] as const;
  const fail = (reason: FormatFailure): FormatResult => ({ value: 0, details: { mode: 'r1', reason } });
  if (tags.includes(-2)) return fail('repeated_tag');
  const [open, close, aOpen, aClose] = tags;
  if (open === -1 || close === -1) return fail('missing_think');
  if (aOpen === -1 || aClose === -1) return fail('missing_answer');
  if (!(open < close && close < aOpen && aOpen < aClose)) return fail('tags_out_of_order');
  if (!isBlank(text, 0, open) || !isBlank(text, close + 8, aOpen) || !isBlank(text, aClose + 9, text.length)) {
    return fail('text_outside_tags');
  }
  return { value: 1, details: { mode: 'r1' } };
}

const THINK_HEAD = '<think>\n';
const MIDDLE = '\n</think>\n<answer>\n';
const ANSWER_TAIL = '\n</answer>';

/**
 * open-r1 format_reward: `re.match(r"^<think>\n.*?\n</think>\n<answer>\n.*?\n</answer>$", s, DOTALL|MULTILINE)`.
 * re.match anchors at 0; with MULTILINE, `$` matches at the end or before any "\n" (never before "\r"), so
 * anything may follow "</answer>\n". Matching needs some "\n</answer>" ending there after the first MIDDLE,
 * and the first MIDDLE is the best choice: a later one only leaves fewer candidates.
 * @example openR1Format('<think>\nA\n</think>\n<answer>\nB\n</answer>\nmore') // true; openR1Format('… </answer>\r\n') // false
 */
export function openR1Format(text: string): boolean {
  if (!text.startsWith(THINK_HEAD)) return false;
  const middle = text.indexOf(MIDDLE, THINK_HEAD.length);
  if (middle === -1) return false;
  for (let at = text.indexOf(ANSWER_TAIL, middle + MIDDLE.length); at !== -1; at = text.indexOf(ANSWER_TAIL, at + 1)) {
    const after = at + ANSWER_TAIL.length;
    if (after === text.length || text.charCodeAt(after) === 0x0a) return true;
  }
  return false;
}

/**
 * TRL think_format_reward: `re.match(r"^<think>(?!.*<think>)(.*?)</think>.*$", s, DOTALL|MULTILINE)`:
 * starts with `<think>` (no leading whitespace), no second `<think>`, some `</think>`; anything may follow.
 * @example thinkFormat('<think>a</think>no answer tag needed') // true; thinkFormat(' <think>a</think>') // false
 */
export function thinkFormat(text: string): boolean {
  return text.startsWith('<think>') && text.indexOf('<think>', 7) === -1 && text.indexOf('</think>', 7) !== -1;
}

/**
 * Python str.count: non-overlapping occurrences, left to right.
 * @example pythonCount('\n</think>\n</think>\n', '\n</think>\n') // 1
 */
export function pythonCount(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

const TAG_COUNT_NEEDLES = ['<think>\n', '\n</think>\n', '\n<answer>\n', '\n</answer>'] as const;

/**
 * open-r1 tag_count_reward: +0.25 for each of "<think>\n", "\n</think>\n", "\n<answer>\n", "\n</answer>"
 * occurring exactly once (Python str.count semantics).
 * @example tagCount('<think>\nx\n</think>\n') // 0.5
 */
export function tagCount(text: string): number {
  let value = 0;
  for (const needle of TAG_COUNT_NEEDLES) if (pythonCount(text, needle) === 1) value += 0.25;
  return value;
}

const OPEN_R1_PASS: FormatResult = Object.freeze({ value: 1, details: Object.freeze({ mode: 'open_r1' as const }) });
const OPEN_R1_FAIL: FormatResult = Object.freeze({ value: 0, details: Object.freeze({ mode: 'open_r1' as const }) });
const THINK_PASS: FormatResult = Object.freeze({ value: 1, details: Object.freeze({ mode: 'think' as const }) });
const THINK_FAIL: FormatResult = Object.freeze({ value: 0, details: Object.freeze({ mode: 'think' as const }) });
const TAG_COUNT_DETAILS = Object.freeze({ mode: 'tag_count' as const });

/**
 * The format reward of `mode` (default r1): 1 or 0, or a multiple of 0.25 for tag_count.
 * @example formatReward('<think>\nx\n</think>\n<answer>\n4\n</answer>\ntrailing', 'open_r1').value // 1 (the MULTILINE quirk)
 */
export function formatReward(text: string, mode: FormatMode = 'r1'): FormatResult {
  switch (mode) {
    case 'r1':
      return r1Format(text);
    case 'open_r1':
      return openR1Format(text) ? OPEN_R1_PASS : OPEN_R1_FAIL;
    case 'think':
      return thinkFormat(text) ? THINK_PASS : THINK_FAIL;
    case 'tag_count':
      return { value: tagCount(text), details: TAG_COUNT_DETAILS };
  }
}
