/**
 * Magnitude guards on answer text, run before anything is parsed or evaluated: a too-long answer, a
 * 100k-digit number or thousands of nested brackets is refused as `too_large`, in linear time.
 * (Power towers, huge factorials and oversized ASTs are refused by expr.ts while it checks the AST.)
 */

/** Longest answer we parse, in characters. */
export const MAX_ANSWER_CHARS = 1000;
/** Longest run of digits in one number. */
export const MAX_NUMBER_DIGITS = 300;
/** Deepest bracket nesting. */
export const MAX_NESTING_DEPTH = 40;

/**
 * Why an answer text is refused before parsing, or null when it may be parsed.
 * @example refuse('9'.repeat(5000)) // 'too many characters'
 */
export function refuse(text: string): string | null {
  if (text.length > MAX_ANSWER_CHARS) return 'too many characters';
  let depth = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits > MAX_NUMBER_DIGITS) return 'too many digits';
      continue;
    }
    // Thousands separators and decimal points keep a number going.
    if (!(digits > 0 && (c === 44 || c === 46 || c === 32) && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57)) digits = 0;
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > MAX_NESTING_DEPTH) return 'nesting too deep';
    } else if (c === 41 || c === 93 || c === 125) depth = Math.max(depth - 1, 0);
  }
  return null;
}
