/**
 * A real API on a real port (0) over a real in-process grader, for the API tests: `startApp(env)` returns
 * its base URL, a fetch with an optional API key, the log lines it wrote, and `close()`.
 */
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../../src/api/app.ts';
import { loadConfig, type Config } from '../../src/config/config.ts';
import type { Grader } from '../../src/grading/grader.ts';
import { createInProcessGrader } from '../../src/grading/in-process-grader.ts';
import { createInProcessJobs, type InProcessJobsOptions } from '../../src/grading/jobs-in-process.ts';
import type { JobService } from '../../src/grading/jobs.ts';

export interface TestServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly jobs: JobService;
  readonly config: Config;
  /** JSON log lines written so far. */
  readonly logs: Record<string, unknown>[];
  /** fetch against the server; `key` becomes `Authorization: Bearer <key>`; a `json` body is sent as JSON. */
  call(path: string, init?: RequestInit & { key?: string; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Wraps the real grader (e.g. `gate`). */
  readonly wrapGrader?: (grader: Grader) => Grader;
  readonly jobs?: Partial<InProcessJobsOptions>;
  /** Wraps the job service (e.g. one that fails, to see what a 500 looks like). */
  readonly wrapJobs?: (jobs: JobService) => JobService;
  readonly sseHeartbeatMs?: number;
}

/**
 * Starts `app` on 127.0.0.1, port 0 (a free one), and returns its base URL.
 * @example const url = await listenOnFreePort(buildApp({ jobs, config }));
 */
export async function listenOnFreePort(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

export async function startApp(env: Record<string, string> = {}, options: StartOptions = {}): Promise<TestServer> {
  const config = loadConfig({ ARBITER_THREADS: '1', ARBITER_COMPLETION_TIMEOUT_MS: '5000', ...env });
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const real = createInProcessGrader({ threads: config.threads, completionTimeoutMs: config.completionTimeoutMs });
  const grader = options.wrapGrader?.(real) ?? real;
  const inProcess = createInProcessJobs(grader, { ttlMs: config.jobTtlMs, drainMs: 1_000, ...options.jobs });
  const jobs = options.wrapJobs?.(inProcess) ?? inProcess;
  const app = buildApp({ jobs, config, logger, ...(options.sseHeartbeatMs === undefined ? {} : { sseHeartbeatMs: options.sseHeartbeatMs }) });
  const url = await listenOnFreePort(app);
  return {
    url,
    app,
    jobs,
    config,
    logs,
    call(path, init = {}) {
      const { key, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (key !== undefined) headers.set('authorization', `Bearer ${key}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(`${url}${path}`, { ...rest, headers, ...(json === undefined ? {} : { method: rest.method ?? 'POST', body: JSON.stringify(json) }) });
    },
    close: () => app.close(),
  };
}

/** One Server-Sent Event as received. */
export interface ReceivedEvent {
  readonly id: string | null;
  readonly event: string;
  readonly data: unknown;
}

/** Reads an SSE body to its end: the events in order, and the comment lines (heartbeats). */
export async function readEvents(response: Response): Promise<{ events: ReceivedEvent[]; comments: string[] }> {
  const text = await response.text();
  const events: ReceivedEvent[] = [];
  const comments: string[] = [];
  for (const block of text.split('\n\n')) {
    if (block.trim() === '') continue;
    let id: string | null = null;
    let event = 'message';
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) comments.push(line.slice(1).trim());
      else if (line.startsWith('id: ')) id = line.slice(4);
      else if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data += line.slice(6);
    }
    if (data !== '') events.push({ id, event, data: JSON.parse(data) as unknown });
  }
  return { events, comments };
}
