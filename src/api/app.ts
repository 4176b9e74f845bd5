/**
 * The HTTP API as an unstarted fastify instance: `buildApp(deps)` wires the error handler, request ids,
 * TypeBox validation, auth, metrics, OpenAPI docs and the route plugins; `main.ts` starts it. Tests call
 * `listen({ port: 0 })` or `inject()`.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import { createMemoryBarrierStore, type BarrierStore } from '../grading/barrier.ts';
import type { JobService } from '../grading/jobs.ts';
import type { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { createAdmission } from './admission.ts';
import { registerAdminBoard } from './admin-board.ts';
import { createAuth } from './auth.ts';
import { handleClientError } from './client-error.ts';
import { createErrorHandler, sendError } from './error-handler.ts';
import { parseJsonBody } from './json-body.ts';
import { registerMetrics } from './metrics.ts';
import { createMemoryRateCounter, createRateLimit, type RateCounter } from './rate-limit.ts';
import type { RouteDeps } from './route-deps.ts';
import { advantagesRoute } from './routes/advantages.ts';
import { getRewardRoute } from './routes/get-reward.ts';
import { gradeRoute } from './routes/grade.ts';
import { healthRoutes } from './routes/health.ts';
import { jobEventsRoute } from './routes/job-events.ts';
import { jobRoutes } from './routes/jobs.ts';
import { typeboxValidatorCompiler } from './validation.ts';

export interface AppDeps {
  /** The job service (embedded or queue); the app closes it in onClose. */
  readonly jobs: JobService;
  readonly config: Config;
  /** pino logger for requests and faults. Default: none (silent). */
  readonly logger?: FastifyBaseLogger;
  /** SSE heartbeat period in ms. Default 15000. */
  readonly sseHeartbeatMs?: number;
  /** Counter of ARBITER_RATE_LIMIT (queue mode: in Redis, shared by the replicas). Default: in memory. The app closes it in onClose. */
  readonly rateCounter?: RateCounter;
  /** Where slices of split groups meet (queue mode: in Redis, shared by the replicas). Default: in memory. */
  readonly barrier?: BarrierStore;
  /** Queues of the /admin/queues board (queue mode), shown when ARBITER_ADMIN_KEY is set. The app closes them in onClose. */
  readonly board?: { readonly queues: readonly BullMQAdapter[]; close(): Promise<void> };
}

/** The routes that add grading work, and so are refused while the backlog is over ARBITER_MAX_QUEUED_GROUPS. */
const WORK_ROUTES: ReadonlySet<string> = new Set(['/v1/grade', '/v1/jobs', '/get_reward']);
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** How long a closing server waits for connections that have not finished sending their request. */
const STALLED_CLOSE_MS = 1_000;

/** Honours a well-formed `x-request-id`, else makes one; a malformed one is replaced (it goes into logs). */
function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Builds the API without starting it.
 * @example
 * const app = buildApp({ jobs, config: loadConfig() });
 * await app.listen({ port: 0, host: '127.0.0.1' });
 */
export function buildApp(deps: AppDeps): FastifyInstance {
  const { jobs, config } = deps;
  const handleError = createErrorHandler(config.bodyLimitMb);
  const app: FastifyInstance = Fastify({
    bodyLimit: config.bodyLimitMb * 1024 * 1024,
    requestIdHeader: false,
    genReqId: (req) => requestIdOf(req.headers['x-request-id']),
    return503OnClosing: true,
    // Path parameters up to 1,024 characters reach the route's schema (a job id over 128 is a 400 naming
    // `id`); URLs the router refuses still get the error format.
    routerOptions: { maxParamLength: 1024 },
    frameworkErrors: (error, request, reply) => void handleError(error, request, reply.header('x-request-id', request.id)),
    clientErrorHandler: handleClientError,
    ...(deps.logger === undefined ? { logger: false } : { loggerInstance: deps.logger }),
  });
  const auth = createAuth(config.apiKeys);
  if (auth.open) app.log.warn('ARBITER_API_KEYS is not set: the API is open to anyone who can reach it');

  app.removeContentTypeParser('text/plain'); // JSON only: anything else is 415 CONTENT_TYPE_UNSUPPORTED
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.setValidatorCompiler(typeboxValidatorCompiler);
  // Response schemas document the API; bodies are written as they are, byte for byte what the grader made.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => sendError(reply, request, 'ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`));
  app.decorateRequest('owner', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const streams = new Set<() => void>();
  // On close, requests being handled finish; a connection still sending its headers or body (a stalled or
  // slow client) would hold the close forever, so it is dropped after STALLED_CLOSE_MS.
  const sockets = new Set<Socket>();
  const handling = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  app.addHook('preHandler', async (request) => {
    handling.add(request.raw.socket);
  });
  app.addHook('onResponse', async (request) => {
    handling.delete(request.raw.socket);
  });
  app.addHook('preClose', async () => {
    for (const end of [...streams]) end();
    const dropStalled = setTimeout(() => {
      for (const socket of sockets) if (!handling.has(socket)) socket.destroy();
    }, STALLED_CLOSE_MS);
    dropStalled.unref();
  });
  app.addHook('onClose', async () => {
    await Promise.all([jobs.close(), deps.rateCounter?.close?.(), deps.board?.close(), deps.barrier?.close?.()]);
  });
  const rateLimit = createRateLimit({
    ...config.rateLimit,
    counter: deps.rateCounter ?? createMemoryRateCounter(),
    onError: (err) => app.log.warn({ err }, 'rate-limit counter unavailable: request let through'),
  });
  const admit = createAdmission({
    maxQueuedGroups: config.maxQueuedGroups,
    backlog: () => jobs.backlog(),
    onError: (err) => app.log.warn({ err }, 'backlog unreadable: request let through'),
  });

  app.register(swagger, {
    openapi: {
      info: { title: 'Arbiter', version: '0.1.0', description: 'Grading service for RLVR: verifiable rewards, reward components and trainer-exact GRPO advantages.' },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'One of ARBITER_API_KEYS.' } } },
      security: auth.open ? [] : [{ apiKey: [] }],
    },
  });
  app.register(swaggerUi, { routePrefix: '/docs' });

  registerMetrics(app, jobs);
  app.register(healthRoutes, { jobs });
  if (deps.board !== undefined && config.adminKey !== null) registerAdminBoard(app, { adminKey: config.adminKey, queues: deps.board.queues });

  const routeDeps: RouteDeps = { jobs, config, barrier: deps.barrier ?? createMemoryBarrierStore() };
  app.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      request.owner = auth.ownerOf(request.headers.authorization);
      await rateLimit(request, reply);
      if (request.method === 'POST' && WORK_ROUTES.has(request.routeOptions.url ?? '')) await admit(request, reply);
    });
    await scope.register(gradeRoute, routeDeps);
    await scope.register(jobRoutes, routeDeps);
    await scope.register(jobEventsRoute, { ...routeDeps, heartbeatMs: deps.sseHeartbeatMs ?? 15_000, streams });
    await scope.register(advantagesRoute);
    await scope.register(getRewardRoute, routeDeps);
  });
  return app;
}

