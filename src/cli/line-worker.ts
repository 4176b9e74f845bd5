/**
 * Entry of `arbiter grade`'s worker threads: the pool's per-group scorer (default export, for the
 * per-group path and its fallbacks) and the line-unit grader of the fast path (line-unit.ts).
 */
import { scoreCompletion, unscorableScore } from '../verifiers/score-completion.ts';
import { createLineGrader } from './line-unit.ts';

export { default } from '../grading/pool-worker.ts';

/** Grades a line unit (piscina task name `gradeLines`). */
export const gradeLines = createLineGrader({ scoreOne: scoreCompletion, unscorable: unscorableScore });
