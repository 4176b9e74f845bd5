/**
 * `arbiter grade --url`: the Grader of a run whose batches are graded by an Arbiter server, through the
 * TypeScript SDK. Each batch is one `POST /v1/grade` (following the job's event stream past the
 * server's wait), with the SDK's retries and one Idempotency-Key per batch, so a retried batch is never
 * graded twice. Closing aborts the batches in flight (SIGINT/SIGTERM); the server's jobs expire by TTL.
 */
import { ArbiterClient } from '../client/index.ts';
import type { Grader } from '../grading/grader.ts';
import type { RemoteGrading } from './grade-options.ts';

/** A Grader over the SDK, and the client it uses. */
export interface RemoteGrader extends Grader {
  readonly client: ArbiterClient;
}

/**
 * A grader that sends each request to the server at `remote.url`; API key from ARBITER_API_KEY.
 * @example const grader = createRemoteGrader({ url: 'http://grader:8080', maxRetries: null }, process.env);
 */
export function createRemoteGrader(remote: RemoteGrading, env: Readonly<Record<string, string | undefined>>): RemoteGrader {
  const client = new ArbiterClient({ baseUrl: remote.url, env, ...(remote.maxRetries === null ? {} : { maxRetries: remote.maxRetries }) });
  const controller = new AbortController();
  return {
    client,
    grade: (request) => client.grade(request, { signal: controller.signal }),
    async close() {
      controller.abort(new Error('the run was stopped'));
    },
  };
}
