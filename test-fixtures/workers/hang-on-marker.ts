/**
 * A grading worker that behaves like the real one, except on purpose: a completion containing
 * HANG_FOREVER spins forever, and one containing CRASH_THREAD exhausts the thread's heap. Used to prove
 * that the pool's hard limits terminate runaway work without stalling the rest of a batch.
 */
import { scoreCompletion, unscorableScore } from '../../src/verifiers/score-completion.ts';
import { createUnitScorer } from '../../src/grading/work-unit.ts';

export default createUnitScorer((ctx, completion, rewards) => {
  if (completion.text.includes('HANG_FOREVER')) for (;;);
  if (completion.text.includes('CRASH_THREAD')) {
    const hoard: string[][] = [];
    for (;;) hoard.push(new Array<string>(1_000_000).fill('x'));
  }
  return scoreCompletion(ctx, completion, rewards);
}, unscorableScore);
