/**
 * The CLI's worker entry (src/cli/line-worker.ts) with hang-on-marker.ts's scorer on both paths: a
 * completion containing HANG_FOREVER spins forever, in a line unit as in a per-group unit.
 */
import { createLineGrader } from '../../src/cli/line-unit.ts';
import { scoreCompletion, unscorableScore } from '../../src/verifiers/score-completion.ts';

export { default } from './hang-on-marker.ts';

export const gradeLines = createLineGrader({
  scoreOne: (ctx, completion, rewards) => {
    if (completion.text.includes('HANG_FOREVER')) for (;;);
    return scoreCompletion(ctx, completion, rewards);
  },
  unscorable: unscorableScore,
});
