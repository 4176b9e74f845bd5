/** POST /get_reward: OpenRLHF's remote reward model protocol (`--reward.remote_url http://host:port/get_reward`). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { jobOutcome, waitForJob } from '../../grading/jobs.ts';
import { sendJobError } from '../error-handler.ts';
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
      // Null only when the wait ended with the job unfinished (the server closing): answered as INTERNAL.
      const outcome = jobOutcome(await waitForJob(jobs, id, request.owner, Infinity));
      if (outcome !== null && 'result' in outcome) return toOpenRlhfResponse(outcome.result, config.openrlhf.fallbackReward);
      return sendJobError(reply, request, outcome?.error);
    },
  );
}
