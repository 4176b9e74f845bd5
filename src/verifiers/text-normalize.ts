/**
 * Normalisation for exact-match text answers, applied alike to the reference and the completion:
 * NFKC, LaTeX text wrappers unwrapped, surrounding quotes/brackets/math delimiters/bold and a trailing
 * period stripped, whitespace collapsed, case folded unless case-sensitive. Linear in the input.
 */

// `\text{…}` and friends anywhere (no nested braces inside, which keeps the regex linear).
const TEXT_COMMANDS = /\\(?:text|textbf|textit|textrm|mathrm|mathbf|mathit|mbox|operatorname|boxed)\s*\{([^{}]*)\}/g;
const WHITESPACE_RUN = /\s+/g;
const TRAILING_PUNCTUATION = /[.。]$/;

/** Pairs that may wrap a whole answer; brackets are only stripped when the opener matches the final closer. */
const SYMMETRIC = ['$$', '**', '__', '$', '"', "'", '`', '*'] as const;
const PAIRED: Readonly<Record<string, string>> = {
  '\\(': '\\)', '\\[': '\\]', '(': ')', '[': ']', '{': '}', '“': '”', '‘': '’', '«': '»', '「': '」', '『': '』', '（': '）',
};
const BRACKET_OPEN = new Set(['(', '[', '{']);

/** Whether the bracket at 0 closes at the last character (so "(a) and (b)" is not one wrapped unit). */
function closesAtEnd(text: string, open: string, close: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === open) depth++;
    else if (c === close && --depth === 0) return i === text.length - 1;
  }
  return false;
}

function unwrapOnce(text: string): string {
  for (const mark of SYMMETRIC) {
    if (text.length >= 2 * mark.length && text.startsWith(mark) && text.endsWith(mark)) {
      return text.slice(mark.length, text.length - mark.length);
    }
  }
  for (const open of Object.keys(PAIRED)) {
    const close = PAIRED[open] as string;
    if (text.length >= open.length + close.length && text.startsWith(open) && text.endsWith(close)) {
      if (BRACKET_OPEN.has(open) && !closesAtEnd(text, open, close)) continue;
      return text.slice(open.length, text.length - close.length);
    }
  }
  return text;
}

// Each round strips at least one character; the bound keeps a "((((((…))))))" answer linear.
const MAX_UNWRAP_ROUNDS = 8;

/**
 * Normalises an answer for comparison.
 * @example normalizeAnswer(' "\\text{Paris}." ', false) // 'paris'
 * @example normalizeAnswer('$\\mathrm{Fe}$', true) // 'Fe'
 */
export function normalizeAnswer(text: string, caseSensitive: boolean): string {
  let s = text.normalize('NFKC');
  // Innermost first, one nesting level per pass: \boxed{\mathrm{X}} takes two.
  for (let pass = 0; pass < MAX_UNWRAP_ROUNDS && s.includes('\\'); pass++) {
    const unwrapped = s.replace(TEXT_COMMANDS, '$1');
    if (unwrapped === s) break;
    s = unwrapped;
  }
  s = s.replace(WHITESPACE_RUN, ' ').trim();
  for (let round = 0; round < MAX_UNWRAP_ROUNDS; round++) {
    const before = s;
    s = s.replace(TRAILING_PUNCTUATION, '').trimEnd();
    s = unwrapOnce(s).trim();
    if (s === before) break;
  }
  return caseSensitive ? s : s.toLowerCase();
}
