/**
 * Splitting answer text at separators outside brackets — `,` between list items, relation symbols,
 * set operators — one scanner for all of them.
 */

/** A separator found at some position: what it means and how many characters it spans. */
export interface Separator<T> {
  readonly value: T;
  readonly length: number;
}

/**
 * Splits `s` at every separator outside `()`, `[]` and `{}`; `separatorAt(s, i)` says whether one starts at
 * `i` (only asked at depth 0). Parts are trimmed; there is always one part more than separators.
 * @example splitTopLevel('(1,2),3', (s, i) => (s[i] === ',' ? { value: ',', length: 1 } : null)) // { parts: ['(1,2)', '3'], separators: [','] }
 */
export function splitTopLevel<T>(s: string, separatorAt: (s: string, i: number) => Separator<T> | null): { parts: string[]; separators: T[] } {
  const parts: string[] = [];
  const separators: T[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0) {
      const separator = separatorAt(s, i);
      if (separator === null) continue;
      parts.push(s.slice(start, i).trim());
      separators.push(separator.value);
      i += separator.length - 1;
      start = i + 1;
    }
  }
  parts.push(s.slice(start).trim());
  return { parts, separators };
}
