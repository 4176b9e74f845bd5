/** `arbiter serve` / `npm start`: the API; with REDIS_URL over the queue (workers grade), else with the embedded grader. */
import { pino } from 'pino';
import { loadConfig } from '../config/config.ts';
import { closeOnSignals } from '../core/shutdown.ts';
import { createInProcessGrader } from '../grading/in-process-grader.ts';
import { createInProcessJobs } from '../grading/jobs-in-process.ts';
import { createQueueJobs } from '../queue/queue-jobs.ts';
import { buildApp } from './app.ts';

const SHUTDOWN_WATCHDOG_MS = 30_000;

const config = loadConfig();
const logger = pino({ level: config.logLevel });
const jobs =
  config.redisUrl === null
    ? createInProcessJobs(createInProcessGrader({ threads: config.threads, completionTimeoutMs: config.completionTimeoutMs }), {
        ttlMs: config.jobTtlMs,
        onError: (err, jobId) => logger.error({ err, job_id: jobId }, 'job fault'),
      })
    : createQueueJobs({ redisUrl: config.redisUrl, prefix: config.queuePrefix, ttlMs: config.jobTtlMs, onError: (err) => logger.warn({ err }, 'redis fault') });
const app = buildApp({ jobs, config, logger });
await app.listen({ port: config.port, host: config.host });

closeOnSignals(logger, () => app.close(), { message: 'shutting down', watchdogMs: SHUTDOWN_WATCHDOG_MS });
