/**
 * A job's response from its groups graded one by one, byte for byte what the pipeline makes of the whole
 * request: with scale `group` or `none` each group's result is already final; with `scale: batch` the
 * advantages are recomputed over every group of the request (the std of all rewards), the group
 * statistics too. Pure: both job services grade group by group (so that groups can be scheduled by
 * priority and cancelled) and call it when the last group lands.
 */
import { computeAdvantages } from '../advantages/estimators.ts';
import { resolveAdvantageConfig, toWireAdvantage } from '../advantages/presets.ts';
import type { AdvantageConfig } from '../core/schemas/advantage.ts';
import type { GradeResponse, GroupResult } from '../core/schemas/result.ts';

/**
 * @example assembleResponse([groupResultOf0, groupResultOf1], { scale: 'batch' }) // { groups: […], advantage: { …, scale: 'batch' } }
 */
export function assembleResponse(groups: readonly GroupResult[], advantageConfig: AdvantageConfig | undefined): GradeResponse {
  const advantage = resolveAdvantageConfig(advantageConfig);
  if (advantage.scale !== 'batch') return { groups: [...groups], advantage: toWireAdvantage(advantage) };
  const { advantages, stats } = computeAdvantages(
    groups.map((g) => g.results.map((r) => r.reward)),
    advantage,
    groups.map((g) => g.results.map((r) => r.status === 'correct')),
  );
  return {
    groups: groups.map((g, gi) => ({
      id: g.id,
      results: g.results.map((r, i) => ({ ...r, advantage: advantages[gi]?.[i] ?? null })),
      stats: stats[gi] ?? g.stats,
    })),
    advantage: toWireAdvantage(advantage),
  };
}
