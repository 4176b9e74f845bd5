/** POST /v1/advantages: raw rewards in, advantages and group statistics out, in the convention of a trainer preset. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { computeAdvantages } from '../../advantages/estimators.ts';
import { resolveAdvantageConfig, toWireAdvantage } from '../../advantages/presets.ts';
import { AppError, type Problem } from '../../core/errors.ts';
import { AdvantageRequest } from '../../core/schemas/request.ts';
import { AdvantageResponse, ErrorBody } from '../schemas.ts';

/**
 * Advantages of raw rewards; `correct` (optional, one per reward) enables `pass_rate`.
 * @example advantagesOf({ groups: [{ rewards: [1, 0, 0, 0] }], advantage: { preset: 'verl' } })
 */
export function advantagesOf(body: AdvantageRequest): AdvantageResponse {
  const problems: Problem[] = [];
  body.groups.forEach((g, i) => {
    if (g.correct !== undefined && g.correct.length !== g.rewards.length) {
      problems.push({ path: `groups[${i}].correct`, message: `expected ${g.rewards.length} items (one per reward), got ${g.correct.length}` });
    }
  });
  if (problems.length > 0) throw new AppError('REQUEST_INVALID', 'the request is invalid', problems);
  const resolved = resolveAdvantageConfig(body.advantage);
  const { advantages, stats } = computeAdvantages(
    body.groups.map((g) => g.rewards),
    resolved,
    body.groups.map((g) => g.correct ?? []),
  );
  return {
    groups: body.groups.map((g, i) => ({ id: g.id ?? null, advantages: advantages[i] ?? [], stats: stats[i] as AdvantageResponse['groups'][number]['stats'] })),
    advantage: toWireAdvantage(resolved),
  };
}

export async function advantagesRoute(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/v1/advantages',
    {
      schema: {
        tags: ['grading'],
        summary: 'Advantages and group statistics of raw rewards (no grading)',
        body: AdvantageRequest,
        response: { 200: AdvantageResponse, '4xx': ErrorBody },
      },
    },
    async (request) => advantagesOf(request.body),
  );
}
