/**
 * `--keep-correct`: R1-style rejection sampling. Every completion with status `correct` becomes one JSONL
 * line `{id, prompt, completion, answer, reward}`, ready as SFT data.
 */
import { normalizeCompletion } from '../core/schemas/completion.ts';
import type { Group } from '../core/schemas/request.ts';
import type { GroupResult } from '../core/schemas/result.ts';

/** What a kept line needs from a result (small enough to keep for every resumed group). */
export interface KeptCompletion {
  /** Index of the completion in its group. */
  readonly index: number;
  readonly answer: string | null;
  readonly reward: number | null;
}

/**
 * The correct completions of a group result.
 * @example correctCompletions(result) // [{ index: 0, answer: 'Paris', reward: 2 }]
 */
export function correctCompletions(result: GroupResult): KeptCompletion[] {
  const kept: KeptCompletion[] = [];
  result.results.forEach((r, index) => {
    if (r.status === 'correct') kept.push({ index, answer: r.answer, reward: r.reward });
  });
  return kept;
}

/**
 * The kept lines of one group, each ending with a newline; the completion is its text (for an object
 * completion, `text`), the prompt is the group's prompt or null.
 * @example keptLines(group, correctCompletions(result))
 */
export function keptLines(group: Group & { readonly id: string }, kept: readonly KeptCompletion[]): string {
  let out = '';
  for (const { index, answer, reward } of kept) {
    const completion = group.completions[index];
    if (completion === undefined) continue; // the output was made from a different input: nothing to pair with
    const line = { id: group.id, prompt: group.prompt ?? null, completion: normalizeCompletion(completion).text, answer, reward };
    out += `${JSON.stringify(line)}\n`;
  }
  return out;
}
