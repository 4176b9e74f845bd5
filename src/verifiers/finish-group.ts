/**
 * Finishes a group on the host: adds the group-level Kimi length component, sums the weighted components
 * into the reward, applies the stop-properly penalty, and guarantees that nothing non-finite leaves.
 */
import type { NormalizedCompletion } from '../core/schemas/completion.ts';
import { COMPONENT_NAMES, type ComponentName } from '../core/schemas/rewards.ts';
import type { Status } from '../core/schemas/result.ts';
import type { CompletionScore } from './types.ts';
import type { ResolvedRewards } from './reward-config.ts';
import { kimiLengthRewards, stopProperly } from './length.ts';

/** One completion's result, before advantages. */
export interface ScoredCompletion {
  /** Σ weight·component; null iff a requested component is null (unscorable). */
  readonly reward: number | null;
  readonly status: Status;
  /** Unweighted requested components in COMPONENT_NAMES order, then `stop_properly` (reward change) when configured. */
  readonly components: Record<string, number | null>;
  readonly answer: string | null;
  /** Verdict details, component details (by component name), `length` and `length_unit`. */
  readonly details: Record<string, unknown>;
}

const finiteOrNull = (value: number | null | undefined): number | null =>
  value === null || value === undefined || !Number.isFinite(value) ? null : value;

function weightOf(rewards: ResolvedRewards, name: ComponentName): number {
  return rewards[name]?.weight ?? 0;
}

/**
 * Rewards of one group's completions (same order as `scores`).
 * @example finishGroup(scores, completions, resolveRewards({ accuracy: 1, length: { mode: 'kimi' } }))
 *   // [{ reward: 1.5, components: { accuracy: 1, length: 0.5 }, … }, …]
 */
export function finishGroup(
  scores: readonly CompletionScore[],
  completions: readonly NormalizedCompletion[],
  rewards: ResolvedRewards,
): ScoredCompletion[] {
  const kimi =
    rewards.length?.mode === 'kimi'
      ? kimiLengthRewards(
          scores.map((s) => s.length),
          scores.map((s) => (s.verdict.score === null ? null : s.verdict.status === 'correct')),
        )
      : null;
  const stop = rewards.stop_properly;

  return scores.map((score, i): ScoredCompletion => {
    const components: Record<string, number | null> = {};
    const nonFinite: string[] = [];
    let reward: number | null = 0;
    for (const name of COMPONENT_NAMES) {
      if (!rewards.components.includes(name)) continue;
      const raw = kimi !== null && name === 'length' ? kimi[i] : score.components[name];
      const value = finiteOrNull(raw);
      if (value === null && typeof raw === 'number') nonFinite.push(name);
      components[name] = value;
      reward = value === null || reward === null ? null : reward + weightOf(rewards, name) * value;
    }
    if (stop !== null) {
      const before = reward;
      const finishReason = completions[i]?.finishReason ?? null;
      reward = before === null ? null : stopProperly(before, stop.coef, finishReason);
      components['stop_properly'] = before === null || reward === null ? null : reward - before + 0;
    }
    if (reward !== null && !Number.isFinite(reward)) {
      nonFinite.push('reward');
      reward = null;
    }
    const details: Record<string, unknown> = {
      ...score.verdict.details,
      ...score.details,
      length: score.length,
      length_unit: score.lengthUnit,
    };
    if (nonFinite.length > 0) {
      details['reason'] = `non-finite value: ${nonFinite.join(', ')}`;
      return { reward: null, status: 'error', components, answer: score.verdict.answer, details };
    }
    return { reward, status: score.verdict.status, components, answer: score.verdict.answer, details };
  });
}
