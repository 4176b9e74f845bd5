/** POST /v1/grade: grade and answer when done, or past ARBITER_GRADE_WAIT_MS answer 202 with the job id. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { GradeRequest } from '../../core/schemas/request.ts';
import { GradeResponse } from '../../core/schemas/result.ts';
import { waitForJob } from '../../grading/jobs.ts';
import { sendError, sendJobError } from '../error-handler.ts';
import { jobLinks, type RouteDeps } from '../route-deps.ts';
import { ErrorBody, IdempotencyHeaders, JobAccepted } from '../schemas.ts';

export async function gradeRoute(app: FastifyInstance, { jobs, config }: RouteDeps): Promise<void> {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/v1/grade',
    {
      schema: {
        tags: ['grading'],
        summary: 'Grade a request and wait for the result',
        description: `Waits up to ARBITER_GRADE_WAIT_MS (now ${config.gradeWaitMs} ms); past it, 202 with the job to poll or stream.`,
        body: GradeRequest,
        headers: IdempotencyHeaders,
        response: { 200: GradeResponse, 202: JobAccepted, '4xx': ErrorBody, '5xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const { id } = await jobs.submit(request.body, request.owner, key === undefined ? {} : { idempotencyKey: key });
      const view = await waitForJob(jobs, id, request.owner, config.gradeWaitMs);
      switch (view?.status) {
        case 'completed':
          if (view.result !== undefined) return reply.code(200).send(view.result);
          return sendJobError(reply, request, undefined);
        case 'failed':
          return sendJobError(reply, request, view.error);
        case 'cancelled':
          return sendError(reply, request, 'JOB_CANCELLED', 'the job was cancelled before it finished');
        case undefined:
          return sendError(reply, request, 'JOB_NOT_FOUND', 'the job expired before it could be answered');
        default:
          return reply.code(202).header('location', `/v1/jobs/${id}`).send(jobLinks(id));
      }
    },
  );
}
