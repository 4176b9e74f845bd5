/**
 * The per-group steps of the pipeline shared by the host (pipeline.ts) and the CLI's line workers, so both
 * ways produce byte-identical results: the completions as the verifiers see them, and the result shape.
 */
import { normalizeCompletion, type NormalizedCompletion } from '../core/schemas/completion.ts';
import type { Group } from '../core/schemas/request.ts';
import type { CompletionResult, GroupResult } from '../core/schemas/result.ts';
import type { ScoredCompletion } from '../verifiers/finish-group.ts';
import type { GroupContext } from '../verifiers/types.ts';
import { promptText, stripEchoedPrompt } from './prompt-text.ts';

/**
 * The group's scoring context and its completions, normalised and without an echoed prompt.
 * @example const { ctx, completions } = prepareGroup({ task: { type: 'text', answer: 'B' }, completions: ['B'] });
 */
export function prepareGroup(group: Group): { ctx: GroupContext; completions: NormalizedCompletion[] } {
  const prompt = promptText(group.prompt);
  const completions: NormalizedCompletion[] = group.completions.map((c) => {
    const normalized = normalizeCompletion(c);
    const text = stripEchoedPrompt(normalized.text, prompt);
    return text === normalized.text ? normalized : { ...normalized, text };
  });
  return { ctx: { task: group.task, prompt, targetLanguage: group.target_language ?? null }, completions };
}

/**
 * A group's wire result; the key order here is the byte order of every result line.
 * @example toGroupResult('q1', scored, [0.5, -0.5], stats)
 */
export function toGroupResult(
  id: string | null,
  scored: readonly ScoredCompletion[],
  advantages: readonly (number | null)[],
  stats: GroupResult['stats'],
): GroupResult {
  return {
    id,
    results: scored.map(
      (s, i): CompletionResult => ({
        reward: s.reward,
        status: s.status,
        components: s.components,
        advantage: advantages[i] ?? null,
        answer: s.answer,
        details: s.details,
      }),
    ),
    stats,
  };
}

/** Per completion, whether its status is `correct` (for the pass rate of the group statistics). */
export const correctOf = (scored: readonly ScoredCompletion[]): boolean[] => scored.map((s) => s.status === 'correct');
