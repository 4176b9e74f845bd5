/**
 * The pipeline: request → verdicts (pool) → rewards (finishGroup) → advantages → response.
 * Deterministic: no clocks, no randomness, fixed key order, so the same request gives byte-identical results.
 */
import { AppError } from '../core/errors.ts';
import type { GradeRequest, Group } from '../core/schemas/request.ts';
import type { GradeResponse, GroupResult } from '../core/schemas/result.ts';
import { computeAdvantages } from '../advantages/estimators.ts';
import { resolveAdvantageConfig, toWireAdvantage } from '../advantages/presets.ts';
import { finishGroup, type ScoredCompletion } from '../verifiers/finish-group.ts';
import { RewardConfigError, resolveRewards, type ResolvedRewards } from '../verifiers/reward-config.ts';
import { isKnownLanguageTarget } from '../verifiers/language-targets.ts';
import type { GradeOptions } from './grader.ts';
import type { GradingPool } from './pool.ts';
import type { CodeRunner } from './code-runner.ts';
import { scoreCompletion } from '../verifiers/score-completion.ts';
import { correctOf, prepareGroup, toGroupResult } from './group-result.ts';

/**
 * Checks the reward and advantage settings the schema cannot check (consistency, known language targets),
 * so a caller can refuse a job before any work or output starts. Throws AppError 400 naming the field.
 * @example checkGradeSettings({ groups: [], rewards: { length: { max_length: 10, cache_length: 20 } } }) // throws REWARDS_INVALID
 */
export function checkGradeSettings(request: Pick<GradeRequest, 'groups' | 'rewards' | 'advantage'>): void {
  resolveRewardsOrThrow(request);
  resolveAdvantageOrThrow(request);
}

function resolveAdvantageOrThrow(request: Pick<GradeRequest, 'advantage'>) {
  try {
    return resolveAdvantageConfig(request.advantage);
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('REQUEST_INVALID', 'invalid advantage configuration', [{ path: 'advantage', message: error.message }]);
    throw error;
  }
}

function resolveRewardsOrThrow(request: Pick<GradeRequest, 'groups' | 'rewards'>): ResolvedRewards {
  const unknownTargets = request.groups.flatMap((group, i) =>
    group.target_language === undefined || isKnownLanguageTarget(group.target_language)
      ? []
      : [{ path: `groups[${i}].target_language`, message: `unknown language or script "${group.target_language}"` }],
  );
  if (unknownTargets.length > 0) throw new AppError('REQUEST_INVALID', 'invalid request', unknownTargets);
  try {
    return resolveRewards(request.rewards);
  } catch (error) {
    if (error instanceof RewardConfigError) throw new AppError('REWARDS_INVALID', 'invalid reward configuration', [{ path: error.field, message: error.message }]);
    throw error;
  }
}

async function scoreGroup(engine: GradingEngine, group: Group, rewards: ResolvedRewards): Promise<ScoredCompletion[]> {
  const { ctx, completions } = prepareGroup(group);
  const task = group.task;
  if (task.type === 'code' && engine.code !== undefined) {
    const code = engine.code;
    // The program ran in a sandbox process; the other components are linear-time text checks.
    const verdicts = await Promise.all(completions.map((c) => code.verify(task, c)));
    const scores = completions.map((c, i) => scoreCompletion(ctx, c, rewards, verdicts[i]));
    return finishGroup(scores, completions, rewards);
  }
  const scores = await engine.pool.scoreGroup(ctx, completions, rewards);
  return finishGroup(scores, completions, rewards);
}

/** What the pipeline grades on: the thread pool, and the code sandboxes (absent: code is `unsupported_task`). */
export interface GradingEngine {
  readonly pool: GradingPool;
  readonly code?: CodeRunner;
}

/**
 * Grades a validated request on the pool and the sandboxes.
 * @example const response = await gradeOnPool({ pool }, { groups: [{ task: { type: 'text', answer: 'B' }, completions: ['B'] }] });
 */
export async function gradeOnPool(engine: GradingEngine, request: GradeRequest, options: GradeOptions = {}): Promise<GradeResponse> {
  const rewards = resolveRewardsOrThrow(request);
  const advantage = resolveAdvantageOrThrow(request);
  const batchWide = advantage.scale === 'batch';

  const toResult = (index: number, scored: readonly ScoredCompletion[], advantages: readonly (number | null)[], stats: GroupResult['stats']): GroupResult =>
    toGroupResult(request.groups[index]?.id ?? null, scored, advantages, stats);

  const scoredGroups = await Promise.all(
    request.groups.map(async (group, index) => {
      const scored = await scoreGroup(engine, group, rewards);
      if (!batchWide && options.onGroup) {
        const { advantages, stats } = computeAdvantages([scored.map((s) => s.reward)], advantage, [correctOf(scored)]);
        options.onGroup(index, toResult(index, scored, advantages[0] ?? [], stats[0] as GroupResult['stats']));
      }
      return scored;
    }),
  );

  const { advantages, stats } = computeAdvantages(
    scoredGroups.map((scored) => scored.map((s) => s.reward)),
    advantage,
    scoredGroups.map(correctOf),
  );
  const groups = scoredGroups.map((scored, index) => toResult(index, scored, advantages[index] ?? [], stats[index] as GroupResult['stats']));
  if (batchWide && options.onGroup) groups.forEach((g, index) => options.onGroup?.(index, g));
  return { groups, advantage: toWireAdvantage(advantage) };
}
