/** Entry point of the grading pool's worker threads (see work-unit.ts for the contract). */
import { scoreCompletion, unscorableScore } from '../verifiers/score-completion.ts';
import { createUnitScorer } from './work-unit.ts';

export default createUnitScorer(scoreCompletion, unscorableScore);
