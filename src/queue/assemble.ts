/**
 * The request-level response from its groups' results, as the embedded pipeline makes it: with scale
 * `group` or `none` each group's result is already final; with `scale: batch` the advantages are
 * recomputed over every group of the request (the std of all rewards), the group statistics too.
 * Pure: the worker that delivers a request's last group calls it.
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
