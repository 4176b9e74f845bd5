/** POST /v1/jobs (submit), GET /v1/jobs/:id (status, progress, results), DELETE /v1/jobs/:id (cancel). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { JobView } from '../../core/schemas/job.ts';
import { jobLinks, submitBody, type RouteDeps } from '../route-deps.ts';
import { ErrorBody, IdempotencyHeaders, JobAccepted, JobParams, SubmitBody } from '../schemas.ts';

const notFound = () => new AppError('JOB_NOT_FOUND', 'no such job');

export async function jobRoutes(app: FastifyInstance, { jobs }: RouteDeps): Promise<void> {
  const routes = app.withTypeProvider<TypeBoxTypeProvider>();
  routes.post(
    '/v1/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Submit a grading job',
        body: SubmitBody,
        headers: IdempotencyHeaders,
        response: { 202: JobAccepted, '4xx': ErrorBody, '5xx': ErrorBody },
      },
    },
    async (request, reply) => {
      const slices = request.body.groups.flatMap((group, i) => (group.group === undefined ? [] : [{ path: `groups[${i}].group`, message: 'slices of split groups wait for each other: send them to POST /v1/grade' }]));
      if (slices.length > 0) throw new AppError('REQUEST_INVALID', 'group slices are not accepted here', slices);
      const { id } = await submitBody(jobs, request.body, request.owner, request.headers['idempotency-key']);
      return reply.code(202).header('location', `/v1/jobs/${id}`).send(jobLinks(id));
    },
  );
  routes.get(
    '/v1/jobs/:id',
    { schema: { tags: ['jobs'], summary: 'Status, progress, and the result when completed', params: JobParams, response: { 200: JobView, '4xx': ErrorBody } } },
    async (request) => {
      const view = await jobs.get(request.params.id, request.owner);
      if (view === null) throw notFound();
      return view;
    },
  );
  routes.delete(
    '/v1/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Cancel what has not started',
        description: 'Answers the job after the cancellation; a job already final keeps its status.',
        params: JobParams,
        response: { 200: JobView, '4xx': ErrorBody },
      },
    },
    async (request) => {
      const { id } = request.params;
      if ((await jobs.get(id, request.owner)) === null) throw notFound();
      await jobs.cancel(id, request.owner);
      const view = await jobs.get(id, request.owner);
      if (view === null) throw notFound();
      return view;
    },
  );
}
