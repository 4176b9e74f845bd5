/** What the route plugins receive from buildApp. */
import type { Config } from '../config/config.ts';
import type { JobService } from '../grading/jobs.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The owner id of the caller's API key (src/api/auth.ts); null on an open server. */
    owner: string | null;
  }
}

export interface RouteDeps {
  readonly jobs: JobService;
  readonly config: Config;
}

/** Where a job's status and events are read. */
export function jobLinks(id: string): { id: string; status_url: string; events_url: string } {
  return { id, status_url: `/v1/jobs/${id}`, events_url: `/v1/jobs/${id}/events` };
}
