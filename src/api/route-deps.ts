/** What the route plugins receive from buildApp. */
import type { Config } from '../config/config.ts';
import type { BarrierStore } from '../grading/barrier.ts';
import type { JobService } from '../grading/jobs.ts';
import type { SubmitBody } from './schemas.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The owner id of the caller's API key (src/api/auth.ts); null on an open server. */
    owner: string | null;
  }
}

export interface RouteDeps {
  readonly jobs: JobService;
  readonly config: Config;
  /** Where slices of groups split across requests meet (POST /v1/grade). */
  readonly barrier: BarrierStore;
}

/** Where a job's status and events are read. */
export function jobLinks(id: string): { id: string; status_url: string; events_url: string } {
  return { id, status_url: `/v1/jobs/${id}`, events_url: `/v1/jobs/${id}/events` };
}

/** Submits a validated POST /v1/grade or /v1/jobs body as the owner's job, with its Idempotency-Key and priority. */
export function submitBody(jobs: JobService, body: SubmitBody, owner: string | null, idempotencyKey: string | undefined): Promise<{ id: string }> {
  const { priority, ...request } = body;
  return jobs.submit(request, owner, { ...(idempotencyKey === undefined ? {} : { idempotencyKey }), ...(priority === undefined ? {} : { priority }) });
}
