/**
 * One whole group graded inside a worker thread, finish and advantages included, so the host receives a
 * finished result. Byte-identical to the pipeline for group-scale advantages (each group's advantages and
 * statistics depend on that group alone); `scale: batch` needs every group of a request and stays on the
 * pipeline.
 */
import type { Group } from '../core/schemas/request.ts';
import type { GroupResult } from '../core/schemas/result.ts';
import { computeAdvantages } from '../advantages/estimators.ts';
import type { ResolvedAdvantageConfig } from '../advantages/presets.ts';
import { finishGroup } from '../verifiers/finish-group.ts';
import { isKnownLanguageTarget } from '../verifiers/language-targets.ts';
import type { ResolvedRewards } from '../verifiers/reward-config.ts';
import { correctOf, prepareGroup, toGroupResult } from './group-result.ts';
import { scoreWithProgress, type ScoreOne, type UnitProgress, type Unscorable } from './work-unit.ts';

/** How a worker scores a group's completions: the real scorers, or a test fixture's. */
export interface GroupScorers {
  readonly scoreOne: ScoreOne;
  readonly unscorable: Unscorable;
}

/**
 * The group's result, its completions counted from `offset` in the unit's progress cells; null when the
 * pipeline would refuse the group (an unknown target language) or must grade it itself (code: sandboxes),
 * so the caller hands it to the pipeline.
 * @example gradeWholeGroup(unit, 0, group, resolveRewards(), resolveAdvantageConfig(), { scoreOne: scoreCompletion, unscorable: unscorableScore })
 */
export function gradeWholeGroup(
  unit: UnitProgress,
  offset: number,
  group: Group,
  rewards: ResolvedRewards,
  advantage: ResolvedAdvantageConfig,
  scorers: GroupScorers,
): GroupResult | null {
  if (advantage.scale === 'batch') throw new RangeError('scale batch needs the whole request: grade it on the pipeline');
  if (group.target_language !== undefined && !isKnownLanguageTarget(group.target_language)) return null;
  if (group.task.type === 'code') return null; // verified in sandbox processes by the pipeline, not in a thread
  const { ctx, completions } = prepareGroup(group);
  const scores = scoreWithProgress(unit, ctx, completions, rewards, offset, scorers.scoreOne, scorers.unscorable);
  const scored = finishGroup(scores, completions, rewards);
  const { advantages, stats } = computeAdvantages([scored.map((s) => s.reward)], advantage, [correctOf(scored)]);
  return toGroupResult(group.id ?? null, scored, advantages[0] ?? [], stats[0] as GroupResult['stats']);
}
