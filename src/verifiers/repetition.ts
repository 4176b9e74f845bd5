/**
 * n-gram repetition penalty, as open-r1's get_repetition_penalty_reward (shared reference trainers.md §7):
 * words = text.lower().split() in Python, r = (1 − #unique n-grams / #n-grams) · max_penalty.
 */

// Python's str.split() separators (str.isspace): not JS \s, which adds U+FEFF and lacks \x1c-\x1f and \x85.
// eslint-disable-next-line no-control-regex -- the control characters are the point: Python splits on them
const PYTHON_WHITESPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/**
 * Python `str.split()` with no argument: runs of Python whitespace separate, no empty words.
 * @example pythonSplit(' a\u001cb\ufeffc ') // ['a', 'b\ufeffc']
 */
export function pythonSplit(text: string): string[] {
  const words = text.split(PYTHON_WHITESPACE);
  // Only the ends can be empty: a separator run is matched whole.
  if (words.length > 0 && words[words.length - 1] === '') words.pop();
  if (words.length > 0 && words[0] === '') words.shift();
  return words;
}

/**
 * The penalty: 0 for "" and for fewer words than `ngramSize`; −0 is reported as 0.
 * @example repetitionPenalty('a a a a a', 2, -1) // -0.75
 */
export function repetitionPenalty(text: string, ngramSize: number, maxPenalty: number): number {
  if (text === '') return 0;
  const words = pythonSplit(text.toLowerCase());
  if (words.length < ngramSize) return 0;
  const total = words.length - ngramSize + 1;
  const unique = new Set<string>();
  for (let i = 0; i < total; i++) {
    // Words hold no whitespace, so a space-joined key is unambiguous.
    unique.add(ngramSize === 1 ? (words[i] as string) : words.slice(i, i + ngramSize).join(' '));
  }
  return (1 - unique.size / total) * maxPenalty + 0;
}
