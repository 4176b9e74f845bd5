/**
 * Contract between the grading pool (host) and its worker threads.
 *
 * A work unit is the completions of one group (or the part of it left after a timeout). It crosses the
 * thread boundary by structured clone, except `progress`, a SharedArrayBuffer-backed Int32Array[2] that
 * the worker updates as it goes, so the host can time each completion without a message per completion:
 *   progress[0] = index + 1 of the completion being scored (0 = not started yet)
 *   progress[1] = when it started, in ms since `clockBaseMs` (Date.now() clock, shared by all threads)
 * The worker writes progress[1] before progress[0], so a reader that sees index k sees k's start or later.
 * Other kinds of unit (the CLI's line units) count completions across the whole unit the same way.
 */
import type { NormalizedCompletion } from '../core/schemas/completion.ts';
import type { CompletionScore, GroupContext, Verdict } from '../verifiers/types.ts';
import type { ResolvedRewards } from '../verifiers/reward-config.ts';

/** The watchdog's view of a unit: the shared progress cells and the clock they are relative to. */
export interface UnitProgress {
  readonly progress: Int32Array;
  readonly clockBaseMs: number;
}

export interface WorkUnit extends UnitProgress {
  readonly ctx: GroupContext;
  readonly completions: readonly NormalizedCompletion[];
  readonly rewards: ResolvedRewards;
}

export type ScoreOne = (ctx: GroupContext, completion: NormalizedCompletion, rewards: ResolvedRewards) => CompletionScore;
export type Unscorable = (verdict: Verdict, completion: NormalizedCompletion, rewards: ResolvedRewards) => CompletionScore;

/**
 * Scores `completions` in order, publishing progress before each one as completion `offset + i` of the
 * unit. An exception in the scorer is a bug in a verifier, not in the completion: it becomes that
 * completion's `error` verdict and the unit goes on.
 * @example const scores = scoreWithProgress(unit, ctx, completions, rewards, 0, scoreCompletion, unscorableScore);
 */
export function scoreWithProgress(
  unit: UnitProgress,
  ctx: GroupContext,
  completions: readonly NormalizedCompletion[],
  rewards: ResolvedRewards,
  offset: number,
  scoreOne: ScoreOne,
  unscorable: Unscorable,
): CompletionScore[] {
  const scores: CompletionScore[] = [];
  for (let i = 0; i < completions.length; i++) {
    const completion = completions[i] as NormalizedCompletion;
    Atomics.store(unit.progress, 1, Date.now() - unit.clockBaseMs);
    Atomics.store(unit.progress, 0, offset + i + 1);
    try {
      scores.push(scoreOne(ctx, completion, rewards));
    } catch (error) {
      const reason = `verifier failed: ${error instanceof Error ? error.message : String(error)}`;
      scores.push(unscorable({ status: 'error', score: null, answer: null, details: { reason } }, completion, rewards));
    }
  }
  return scores;
}

/**
 * Builds a worker entry point from a per-completion scorer.
 * @example export default createUnitScorer(scoreCompletion, unscorableScore);
 */
export function createUnitScorer(scoreOne: ScoreOne, unscorable: Unscorable) {
  return function scoreUnit(unit: WorkUnit): CompletionScore[] {
    return scoreWithProgress(unit, unit.ctx, unit.completions, unit.rewards, 0, scoreOne, unscorable);
  };
}
