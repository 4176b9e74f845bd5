/**
 * POST /v1/grade: grade and answer when done, or past ARBITER_GRADE_WAIT_MS answer 202 with the job id.
 * A request holding slices of split groups (`group: {id, size}`) waits for them instead (barrier-grade.ts).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { GradeResponse } from '../../core/schemas/result.ts';
import { jobOutcome, waitForJob } from '../../grading/jobs.ts';
import { BarrierJobFailed, barrierProblems, gradeWithBarrier, hasBarrierGroups } from '../barrier-grade.ts';
import { sendJobError } from '../error-handler.ts';
import { jobLinks, submitBody, type RouteDeps } from '../route-deps.ts';
import { ErrorBody, IdempotencyHeaders, JobAccepted, SubmitBody } from '../schemas.ts';

export async function gradeRoute(app: FastifyInstance, { jobs, config, barrier }: RouteDeps): Promise<void> {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/v1/grade',
    {
      schema: {
        tags: ['grading'],
        summary: 'Grade a request and wait for the result',
        description:
          `Waits up to ARBITER_GRADE_WAIT_MS (now ${config.gradeWaitMs} ms); past it, 202 with the job to poll or stream. ` +
          'Groups tagged `group: {id, size, offset?, wait_ms?}` are slices of a group split across requests: the call waits for the other slices ' +
          '(or `wait_ms`), the whole group is graded once, and this call answers 200 with its own completions’ results and the whole group’s statistics.',
        body: SubmitBody,
        headers: IdempotencyHeaders,
        response: { 200: GradeResponse, 202: JobAccepted, '4xx': ErrorBody, '5xx': ErrorBody },
      },
    },
    async (request, reply) => {
      if (hasBarrierGroups(request.body)) {
        const problems = barrierProblems(request.body);
        if (problems.length > 0) throw new AppError('REQUEST_INVALID', 'invalid group slices', problems);
        const { priority, ...body } = request.body;
        try {
          const result = await gradeWithBarrier(body, {
            jobs,
            store: barrier,
            owner: request.owner,
            idempotencyKey: request.headers['idempotency-key'],
            priority,
            defaultWaitMs: config.barrier.waitMs,
            maxWaitMs: config.barrier.maxWaitMs,
          });
          return reply.code(200).send(result);
        } catch (error) {
          if (error instanceof BarrierJobFailed) return sendJobError(reply, request, error.error);
          throw error;
        }
      }
      const { id } = await submitBody(jobs, request.body, request.owner, request.headers['idempotency-key']);
      const outcome = jobOutcome(await waitForJob(jobs, id, request.owner, config.gradeWaitMs));
      if (outcome === null) return reply.code(202).header('location', `/v1/jobs/${id}`).send(jobLinks(id));
      if ('result' in outcome) return reply.code(200).send(outcome.result);
      return sendJobError(reply, request, outcome.error);
    },
  );
}
