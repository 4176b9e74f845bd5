/** GET /healthz (the process answers) and GET /readyz (the service can take work). Open: no API key. */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/errors.ts';
import type { JobService } from '../../grading/jobs.ts';
import { ErrorBody } from '../schemas.ts';

const Ok = Type.Object({ status: Type.String() });

export async function healthRoutes(app: FastifyInstance, { jobs }: { readonly jobs: JobService }): Promise<void> {
  app.get('/healthz', { schema: { tags: ['operations'], summary: 'Liveness', response: { 200: Ok } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { tags: ['operations'], summary: 'Readiness: the grader (embedded) or the queue (cluster) can take work', response: { 200: Ok, 503: ErrorBody } } }, async () => {
    if (!(await jobs.ready())) throw new AppError('NOT_READY', 'the service cannot take work');
    return { status: 'ready' };
  });
}
