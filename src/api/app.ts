/**
 * The HTTP API as an unstarted fastify instance: `buildApp(deps)` wires the error handler, request ids,
 * TypeBox validation, auth, metrics, OpenAPI docs and the route plugins; `main.ts` starts it. Tests call
 * `listen({ port: 0 })` or `inject()`.
 */
import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import type { JobService } from '../grading/jobs.ts';
import { createAuth } from './auth.ts';
import { createErrorHandler, sendError } from './error-handler.ts';
import { registerMetrics } from './metrics.ts';
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
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

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
  const app: FastifyInstance = Fastify({
    bodyLimit: config.bodyLimitMb * 1024 * 1024,
    requestIdHeader: false,
    genReqId: (req) => requestIdOf(req.headers['x-request-id']),
    return503OnClosing: true,
    ...(deps.logger === undefined ? { logger: false } : { loggerInstance: deps.logger }),
  });
  const auth = createAuth(config.apiKeys);
  if (auth.open) app.log.warn('ARBITER_API_KEYS is not set: the API is open to anyone who can reach it');

  app.removeContentTypeParser('text/plain'); // JSON only: anything else is 415 CONTENT_TYPE_UNSUPPORTED
  app.setValidatorCompiler(typeboxValidatorCompiler);
  // Response schemas document the API; bodies are written as they are, byte for byte what the grader made.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(createErrorHandler(config.bodyLimitMb));
  app.setNotFoundHandler((request, reply) => sendError(reply, request, 'ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`));
  app.decorateRequest('owner', null);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...streams]) end();
  });
  app.addHook('onClose', async () => jobs.close());

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

  const routeDeps: RouteDeps = { jobs, config };
  app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => {
      request.owner = auth.ownerOf(request.headers.authorization);
    });
    await scope.register(gradeRoute, routeDeps);
    await scope.register(jobRoutes, routeDeps);
    await scope.register(jobEventsRoute, { ...routeDeps, heartbeatMs: deps.sseHeartbeatMs ?? 15_000, streams });
    await scope.register(advantagesRoute);
    await scope.register(getRewardRoute, routeDeps);
  });
  return app;
}

