/**
 * Finds the program in a completion: the last fenced block tagged with the task's language (or an alias),
 * else the last fenced block, else the body of the last `<answer>…</answer>`. Unclosed fences (a
 * truncated completion) are not blocks.
 */
import type { CodeTask } from '../../core/schemas/task.ts';

export type ExtractionSource = 'fenced_language' | 'fenced' | 'answer_tag';
export type Extracted = { readonly program: string; readonly source: ExtractionSource } | null;

const ALIASES: Readonly<Record<CodeTask['language'], ReadonlySet<string>>> = {
  javascript: new Set(['javascript', 'js', 'node', 'nodejs', 'mjs', 'cjs', 'jsx']),
  typescript: new Set(['typescript', 'ts', 'tsx']),
  python: new Set(['python', 'py', 'python3', 'py3']),
};

// A line that opens a fence (its info string after the backticks), and a line that closes one (a CRLF
// line too). A fence is an opening line, then everything up to the next closing line; matching goes on
// after that line.
const OPENER = /^[ \t]{0,3}```[ \t]*([^\n`]*)$/;
const CLOSER = /^[ \t]{0,3}```[ \t]*\r?$/;

/** Every fenced block in order as [info string, body]: one pass over the lines (no backtracking). */
function fencedBlocks(text: string): Array<[string, string]> {
  const lines = text.split('\n');
  // The last line has no newline after it, so it cannot open a fence.
  const nextCloser: number[] = new Array(lines.length + 1).fill(-1);
  for (let i = lines.length - 1; i >= 0; i -= 1) nextCloser[i] = CLOSER.test(lines[i] ?? '') ? i : (nextCloser[i + 1] ?? -1);
  const blocks: Array<[string, string]> = [];
  for (let i = 0; i < lines.length - 1; i += 1) {
    const opener = OPENER.exec(lines[i] ?? '');
    if (opener === null) continue;
    const closer = nextCloser[i + 1] ?? -1;
    if (closer < 0) break; // no closing line after this one, nor after any later opener
    const body = lines.slice(i + 1, closer);
    blocks.push([opener[1] ?? '', body.length === 0 ? '' : `${body.join('\n')}\n`]);
    i = closer;
  }
  return blocks;
}

/** The body of the last `<answer>…</answer>` (each `<answer>` closed by the next `</answer>`), or null. */
function lastAnswerBody(text: string): string | null {
  let answer: string | null = null;
  for (let from = 0; ; ) {
    const open = text.indexOf('<answer>', from);
    if (open < 0) return answer;
    const close = text.indexOf('</answer>', open + 8);
    if (close < 0) return answer;
    answer = text.slice(open + 8, close);
    from = close + 9;
  }
}

/**
 * The program of a completion, or null when it has none. Linear in the completion's length.
 * @example extractProgram('Here:\n```js\nconsole.log(1)\n```', 'javascript') // { program: 'console.log(1)\n', source: 'fenced_language' }
 */
export function extractProgram(text: string, language: CodeTask['language']): Extracted {
  let tagged: string | null = null;
  let any: string | null = null;
  for (const [info, body] of fencedBlocks(text)) {
    const tag = info.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    any = body;
    if (ALIASES[language].has(tag)) tagged = body;
  }
  if (tagged !== null && tagged.trim() !== '') return { program: tagged, source: 'fenced_language' };
  if (any !== null && any.trim() !== '') return { program: any, source: 'fenced' };
  const answer = lastAnswerBody(text);
  if (answer !== null && answer.trim() !== '') return { program: answer.trim(), source: 'answer_tag' };
  return null;
}
