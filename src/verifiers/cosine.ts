/**
 * Cosine-scaled correctness by length (open-r1 / TRL get_cosine_scaled_reward, shared reference
 * trainers.md §7): short correct answers earn most, short wrong answers are punished most.
 */
import type { CosineOptions } from './reward-config.ts';

/**
 * r = lo + 0.5·(hi − lo)·(1 + cos(π·p)) with p = length / max_length, clamped to 1 when `clamp` (TRL; the
 * default) and not clamped when false (open-r1: past max_length the cosine swings back). Correct:
 * (lo, hi) = (min_value_correct, max_value_correct); wrong: (lo, hi) = (max_value_wrong, min_value_wrong).
 * @example cosineScaled(50, true, { max_length: 100, ...defaults }) // 0.75; cosineScaled(50, false, …) // -0.75
 */
export function cosineScaled(length: number, correct: boolean, options: CosineOptions): number {
  const ratio = length / options.max_length;
  const p = options.clamp ? Math.min(ratio, 1) : ratio;
  const lo = correct ? options.min_value_correct : options.max_value_wrong;
  const hi = correct ? options.max_value_correct : options.min_value_wrong;
  return lo + 0.5 * (hi - lo) * (1 + Math.cos(Math.PI * p));
}
