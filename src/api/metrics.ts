/**
 * Prometheus metrics (GET /metrics): requests by route and status, latency, jobs by state, completions
 * graded by status. One registry per app, so several apps in one process (tests) do not collide.
 */
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { JobService } from '../grading/jobs.ts';

/**
 * Registers the request hooks and the GET /metrics route on `app`.
 * @example registerMetrics(app, jobs); // then: curl localhost:8080/metrics
 */
export function registerMetrics(app: FastifyInstance, jobs: JobService): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'arbiter_' });
  const requests = new Counter({
    name: 'arbiter_http_requests_total',
    help: 'HTTP requests answered, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'arbiter_http_request_duration_seconds',
    help: 'Time from request received to response sent, by route pattern and method.',
    labelNames: ['route', 'method'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  new Gauge({
    name: 'arbiter_jobs',
    help: 'Jobs held by the service, by state.',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const { jobs: byState } = await jobs.stats();
      for (const [state, count] of Object.entries(byState)) this.set({ state }, count);
    },
  });
  new Counter({
    name: 'arbiter_completions_graded_total',
    help: 'Completions graded since start, by result status.',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const { completions } = await jobs.stats();
      this.reset();
      for (const [status, count] of Object.entries(completions)) this.inc({ status }, count);
    },
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ route, method: request.method, status: String(reply.statusCode) });
    latency.observe({ route, method: request.method }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}
