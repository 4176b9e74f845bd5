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

// An opening fence at the start of a line, its info string, the body, and a closing fence on its own line.
const FENCE = /^[ \t]{0,3}```[ \t]*([^\n`]*)\n([\s\S]*?)^[ \t]{0,3}```[ \t]*$/gm;
const ANSWER = /<answer>([\s\S]*?)<\/answer>/g;

/**
 * The program of a completion, or null when it has none.
 * @example extractProgram('Here:\n```js\nconsole.log(1)\n```', 'javascript') // { program: 'console.log(1)\n', source: 'fenced_language' }
 */
export function extractProgram(text: string, language: CodeTask['language']): Extracted {
  let tagged: string | null = null;
  let any: string | null = null;
  for (const match of text.matchAll(FENCE)) {
    const tag = (match[1] ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    const body = match[2] ?? '';
    any = body;
    if (ALIASES[language].has(tag)) tagged = body;
  }
  if (tagged !== null && tagged.trim() !== '') return { program: tagged, source: 'fenced_language' };
  if (any !== null && any.trim() !== '') return { program: any, source: 'fenced' };
  let answer: string | null = null;
  for (const match of text.matchAll(ANSWER)) answer = match[1] ?? '';
  if (answer !== null && answer.trim() !== '') return { program: answer.trim(), source: 'answer_tag' };
  return null;
}
