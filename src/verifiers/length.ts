/**
 * Length rewards: DAPO soft overlong punishment (Eq. 13), the Kimi k1.5 group length reward (§2.3.3), the
 * ProRL/OpenRLHF stop-properly penalty, and the length they are measured in.
 * Definitions: shared reference trainers.md §5.3, §5.5, §7.
 */
import type { NormalizedCompletion } from '../core/schemas/completion.ts';
import type { OverlongOptions } from './reward-config.ts';

/**
 * DAPO Eq. 13 times `penalty_factor`: 0 up to L_max − L_cache, then a linear ramp down to −1 at L_max,
 * −1 beyond (as TRL/open-r1; verl and OpenRLHF cap at −1 too).
 * @example dapoOverlong(90, { max_length: 100, cache_length: 20, penalty_factor: 1 }) // -0.5 (TRL's example)
 */
export function dapoOverlong(length: number, options: OverlongOptions): number {
  const threshold = options.max_length - options.cache_length;
  if (length <= threshold) return 0;
  const raw = length <= options.max_length ? (threshold - length) / options.cache_length : -1;
  return raw * options.penalty_factor + 0; // + 0 turns -0 (factor 0) into 0
}

/**
 * Kimi k1.5 length reward over one group: λ = 0.5 − (len − min)/(max − min); correct → λ, wrong → min(0, λ);
 * all 0 when every length is equal; null where correctness is unknown (unscorable completion).
 * min/max run over all lengths of the group, the paper's definition (open-r1 uses the whole call's batch).
 * @example kimiLengthRewards([10, 20, 30], [true, true, false]) // [0.5, 0, -0.5]
 */
export function kimiLengthRewards(lengths: readonly number[], correct: readonly (boolean | null)[]): (number | null)[] {
  let min = Infinity;
  let max = -Infinity;
  for (const l of lengths) {
    if (l < min) min = l;
    if (l > max) max = l;
  }
  return lengths.map((len, i) => {
    const c = correct[i] ?? null;
    if (c === null) return null;
    if (max === min) return 0;
    const lambda = 0.5 - (len - min) / (max - min);
    return c ? lambda : Math.min(0, lambda);
  });
}

/**
 * Stop-properly penalty (ProRL, OpenRLHF `--reward.stop_properly_penalty_coef`) for a truncated completion
 * (`finish_reason` "length"): reward × coef when 0 ≤ coef ≤ 1, coef itself when coef < 0; else unchanged.
 * @example stopProperly(1, 0.5, 'length') // 0.5; stopProperly(1, -1, 'length') // -1; stopProperly(1, -1, 'stop') // 1
 */
export function stopProperly(reward: number, coef: number, finishReason: 'stop' | 'length' | null): number {
  if (finishReason !== 'length') return reward;
  if (coef >= 0 && coef <= 1) return reward * coef + 0;
  if (coef < 0) return coef;
  return reward;
}

/**
 * Length of a completion for length rewards: `num_tokens` when given, else the number of Unicode code
 * points of the text (not UTF-16 units: an emoji counts 1, as Python's len() does for open-r1's character lengths).
 * @example completionLength({ text: 'a😀', finishReason: null, numTokens: null }) // { length: 2, unit: 'chars' }
 */
export function completionLength(completion: NormalizedCompletion): { length: number; unit: 'tokens' | 'chars' } {
  if (completion.numTokens !== null) return { length: completion.numTokens, unit: 'tokens' };
  return { length: codePointCount(completion.text), unit: 'chars' };
}

/** Number of code points of a string. @example codePointCount('😀') // 1 */
export function codePointCount(text: string): number {
  let pairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return text.length - pairs;
}
