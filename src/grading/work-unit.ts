/**
 * Contract between the grading pool (host) and its worker threads.
 *
 * A work unit is the completions of one group (or the part of it left after a timeout). It crosses the
 * thread boundary by structured clone, except `progress`, a SharedArrayBuffer-backed Int32Array[2] that
 * the worker updates as it goes, so the host can time each completion without a message per completion:
 *   progress[0] = index + 1 of the completion being scored (0 = not started yet)
 *   progress[1] = when it started, in ms since `clockBaseMs` (Date.now() clock, shared by all threads)
 * The worker writes progress[1] before progress[0], so a reader that sees index k sees k's start or later.
 */
import type { NormalizedCompletion } from '../core/schemas/completion.ts';
import type { CompletionScore, GroupContext, Verdict } from '../verifiers/types.ts';
import type { ResolvedRewards } from '../verifiers/reward-config.ts';

export interface WorkUnit {
  readonly ctx: GroupContext;
  readonly completions: readonly NormalizedCompletion[];
  readonly rewards: ResolvedRewards;
  readonly progress: Int32Array;
  readonly clockBaseMs: number;
}

export type ScoreOne = (ctx: GroupContext, completion: NormalizedCompletion, rewards: ResolvedRewards) => CompletionScore;
export type Unscorable = (verdict: Verdict, completion: NormalizedCompletion, rewards: ResolvedRewards) => CompletionScore;

/**
 * Builds a worker entry point from a per-completion scorer. An exception in the scorer is a bug in a
 * verifier, not in the completion: it becomes that completion's `error` verdict and the unit goes on.
 * @example export default createUnitScorer(scoreCompletion, unscorableScore);
 */
export function createUnitScorer(scoreOne: ScoreOne, unscorable: Unscorable) {
  return function scoreUnit(unit: WorkUnit): CompletionScore[] {
    const scores: CompletionScore[] = [];
    for (let i = 0; i < unit.completions.length; i++) {
      const completion = unit.completions[i] as NormalizedCompletion;
      Atomics.store(unit.progress, 1, Date.now() - unit.clockBaseMs);
      Atomics.store(unit.progress, 0, i + 1);
      try {
        scores.push(scoreOne(unit.ctx, completion, unit.rewards));
      } catch (error) {
        const reason = `verifier failed: ${error instanceof Error ? error.message : String(error)}`;
        scores.push(unscorable({ status: 'error', score: null, answer: null, details: { reason } }, completion, unit.rewards));
      }
    }
    return scores;
  };
}
