/** POST /get_reward: OpenRLHF's remote reward model protocol (`--reward.remote_url http://host:port/get_reward`). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { waitForJob } from '../../grading/jobs.ts';
import { sendError, sendJobError } from '../error-handler.ts';
import { toGradeRequest, toOpenRlhfResponse } from '../openrlhf.ts';
import type { RouteDeps } from '../route-deps.ts';
import { ErrorBody, OpenRlhfRequest, OpenRlhfResponse } from '../schemas.ts';

export async function getRewardRoute(app: FastifyInstance, { jobs, config }: RouteDeps): Promise<void> {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/get_reward',
    {
      schema: {
        tags: ['trainers'],
        summary: 'OpenRLHF remote reward model',
        description:
          'Each (query, prompt, label) is graded as a group of one: the echoed prompt and trailing special tokens are stripped from the query, the label is put into ARBITER_OPENRLHF_TASK. Empty lists get empty lists. Waits until graded (OpenRLHF times out at 180 s).',
        body: OpenRlhfRequest,
        response: { 200: OpenRlhfResponse, '4xx': ErrorBody, '5xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const gradeRequest = toGradeRequest(request.body, config.openrlhf);
      if (gradeRequest.groups.length === 0) return { rewards: [], scores: [], extra_logs: {} };
      const { id } = await jobs.submit(gradeRequest, request.owner);
      const view = await waitForJob(jobs, id, request.owner, Infinity);
      if (view?.status === 'completed' && view.result !== undefined) return toOpenRlhfResponse(view.result, config.openrlhf.fallbackReward);
      if (view?.status === 'cancelled') return sendError(reply, request, 'JOB_CANCELLED', 'the job was cancelled before it finished');
      return sendJobError(reply, request, view?.error);
    },
  );
}
