/**
 * Unicode scripts of letters, and the word and letter counts the language reward is built on.
 *
 * A word is a maximal run of letters (\p{L}\p{M}) of one script; each Han, Hiragana or Katakana
 * character is a word on its own (those languages do not separate words with spaces). Marks and letters
 * of the Common/Inherited scripts (combining accents, the Katakana long-vowel mark) continue the word
 * they follow. Digits, punctuation and math are not words: LaTeX command names (`\frac`) and math spans
 * (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`) are skipped, so a Chinese chain of thought full of formulas is not
 * counted as English.
 */

/** Scripts we tell apart, by lowercase name. Letters of any other script count as `other`. */
export const SCRIPT_NAMES = [
  'latin', 'han', 'cyrillic', 'greek', 'arabic', 'hebrew', 'devanagari', 'thai', 'hangul', 'hiragana', 'katakana',
  'armenian', 'georgian', 'bengali', 'gurmukhi', 'gujarati', 'tamil', 'telugu', 'kannada', 'malayalam', 'sinhala',
  'lao', 'tibetan', 'myanmar', 'ethiopic', 'khmer',
] as const;
export type ScriptName = (typeof SCRIPT_NAMES)[number];

/** Script ids: 1 + index in SCRIPT_NAMES; below are the ids of the pseudo-scripts. */
const NOT_LETTER = 0;
/** A letter of a script not in SCRIPT_NAMES. */
const OTHER_SCRIPT = SCRIPT_NAMES.length + 1;
/** Marks and Common/Inherited letters: they continue the current word. */
const JOINER = SCRIPT_NAMES.length + 2;
/** Size of a per-script count array (index = script id). */
export const SCRIPT_SLOTS = SCRIPT_NAMES.length + 3;

/** Script id of a script name. @example scriptId('latin') // 1 */
export function scriptId(name: ScriptName): number {
  return SCRIPT_NAMES.indexOf(name) + 1;
}

const LATIN = scriptId('latin');
const HAN = scriptId('han');
const HIRAGANA = scriptId('hiragana');
const KATAKANA = scriptId('katakana');

const PROPERTY_NAMES: Record<ScriptName, string> = Object.fromEntries(
  SCRIPT_NAMES.map((n) => [n, n.charAt(0).toUpperCase() + n.slice(1)]),
) as Record<ScriptName, string>;
const SCRIPT_TESTS = SCRIPT_NAMES.map((name) => new RegExp(`^\\p{Script=${PROPERTY_NAMES[name]}}$`, 'u'));
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const MARK_OR_SHARED = /^(?:\p{M}|\p{Script=Common}|\p{Script=Inherited})$/u;

function classifyUncached(char: string): number {
  if (!LETTER_OR_MARK.test(char)) return NOT_LETTER;
  for (let i = 0; i < SCRIPT_TESTS.length; i++) if ((SCRIPT_TESTS[i] as RegExp).test(char)) return i + 1;
  return MARK_OR_SHARED.test(char) ? JOINER : OTHER_SCRIPT;
}

// Filled lazily: a table for the BMP (index = code unit, value = id + 1, 0 = not yet known) and a map for
// astral code points, so each character is classified by regex at most once per thread.
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();

/** Script id of one code point (0 = not a letter). @example classify(0x4e2d) === scriptId('han') */
export function classify(codePoint: number): number {
  if (codePoint < 0x80) return ((codePoint | 0x20) >= 0x61 && (codePoint | 0x20) <= 0x7a) ? LATIN : NOT_LETTER;
  if (codePoint < 0x10000) {
    const cached = bmp[codePoint] as number;
    if (cached !== 0) return cached - 1;
    const id = classifyUncached(String.fromCharCode(codePoint));
    bmp[codePoint] = id + 1;
    return id;
  }
  let id = astral.get(codePoint);
  if (id === undefined) {
    id = classifyUncached(String.fromCodePoint(codePoint));
    astral.set(codePoint, id);
  }
  return id;
}

const TEXT_COMMANDS = new Set(['text', 'textbf', 'textit', 'textrm', 'mbox', 'emph']);

const isAsciiLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/**
 * Index just past the math span or LaTeX command starting at `i` (a `$` or `\`), or `i` when there is none.
 * `missing` remembers which closing delimiters do not occur again, so unclosed openers stay linear.
 */
function skipMath(text: string, i: number, end: number, missing: Set<string>): number {
  const c = text.charCodeAt(i);
  const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
  let close: string;
  if (c === 0x24 /* $ */) close = next === 0x24 ? '$$' : '$';
  else if (next === 0x28 /* ( */) close = '\\)';
  else if (next === 0x5b /* [ */) close = '\\]';
  else if (isAsciiLetter(next)) {
    let j = i + 1;
    while (j < end && isAsciiLetter(text.charCodeAt(j))) j++;
    // The arguments of \frac{a}{b} are math too; those of \text{…} are prose and are counted.
    if (TEXT_COMMANDS.has(text.slice(i + 1, j))) return j;
    while (j < end && text.charCodeAt(j) === 0x7b /* { */ && !missing.has('}')) {
      const at = text.indexOf('}', j + 1);
      if (at === -1 || at >= end) {
        missing.add('}');
        break;
      }
      j = at + 1;
    }
    return j;
  } else return i;
  if (missing.has(close)) return i;
  const from = i + (close === '$' ? 1 : 2);
  const at = text.indexOf(close, from);
  if (at === -1 || at + close.length > end) {
    missing.add(close);
    return i;
  }
  return at + close.length;
}

/**
 * Counts words of `text[start, end)` per script into `counts` (indexed by script id) and returns the total.
 * @example countWords('Hello 世界', 0, 8, counts) // 3: one Latin word, two Han words
 */
export function countWords(text: string, start: number, end: number, counts: Uint32Array): number {
  return scan(text, start, end, counts, true);
}

/**
 * Counts letters of `text[start, end)` per script into `counts`; used to infer the prompt's script.
 * @example countLetters('Hello 世界', 0, 8, counts) // 7
 */
export function countLetters(text: string, start: number, end: number, counts: Uint32Array): number {
  return scan(text, start, end, counts, false);
}

function scan(text: string, start: number, end: number, counts: Uint32Array, words: boolean): number {
  let total = 0;
  let current = NOT_LETTER;
  let missing: Set<string> | null = null;
  for (let i = start; i < end; i++) {
    let cp = text.charCodeAt(i);
    if (cp === 0x24 || cp === 0x5c) {
      missing ??= new Set();
      const after = skipMath(text, i, end, missing);
      if (after > i) i = after - 1;
      current = NOT_LETTER;
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < end) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const id = classify(cp);
    if (id === NOT_LETTER) {
      current = NOT_LETTER;
    } else if (id === JOINER) {
      if (!words && current !== NOT_LETTER) {
        counts[current] = (counts[current] as number) + 1;
        total++;
      }
    } else if (!words || id !== current || id === HAN || id === HIRAGANA || id === KATAKANA) {
      counts[id] = (counts[id] as number) + 1;
      total++;
      current = id;
    }
  }
  return total;
}
