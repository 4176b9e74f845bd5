/** `arbiter serve` / `npm start`: the API; with REDIS_URL over the queue (workers grade), else with the embedded grader. */
import { pino } from 'pino';
import { loadConfig } from '../config/config.ts';
import { closeOnSignals } from '../core/shutdown.ts';
import { createInProcessGrader } from '../grading/in-process-grader.ts';
import { createInProcessJobs } from '../grading/jobs-in-process.ts';
import { createBoardQueues } from '../queue/board.ts';
import { producerConnection } from '../queue/connections.ts';
import { createQueueJobs } from '../queue/queue-jobs.ts';
import { createRedisBarrierStore } from '../queue/barrier-store.ts';
import { createRedisRateCounter } from '../queue/rate-counter.ts';
import { buildApp } from './app.ts';

const SHUTDOWN_WATCHDOG_MS = 30_000;

const config = loadConfig();
const logger = pino({ level: config.logLevel });
const onRedisError = (err: unknown) => logger.warn({ err }, 'redis fault');
const queueMode = config.redisUrl === null ? null : { redisUrl: config.redisUrl, prefix: config.queuePrefix };
const jobs =
  queueMode === null
    ? createInProcessJobs(createInProcessGrader({ threads: config.threads, completionTimeoutMs: config.completionTimeoutMs }), {
        ttlMs: config.jobTtlMs,
        maxGroupsInFlight: config.workerConcurrency,
        onError: (err, jobId) => logger.error({ err, job_id: jobId }, 'job fault'),
      })
    : createQueueJobs({ ...queueMode, ttlMs: config.jobTtlMs, onError: onRedisError });
const app = buildApp({
  jobs,
  config,
  logger,
  ...(queueMode === null
    ? {}
    : {
        barrier: createRedisBarrierStore(producerConnection(queueMode.redisUrl, onRedisError), queueMode.prefix),
        ...(config.rateLimit.max === 0 ? {} : { rateCounter: createRedisRateCounter(producerConnection(queueMode.redisUrl, onRedisError), queueMode.prefix) }),
        ...(config.adminKey === null ? {} : { board: createBoardQueues(queueMode.redisUrl, queueMode.prefix, onRedisError) }),
      }),
});
await app.listen({ port: config.port, host: config.host });

closeOnSignals(logger, () => app.close(), { message: 'shutting down', watchdogMs: SHUTDOWN_WATCHDOG_MS });
