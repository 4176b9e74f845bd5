/** `arbiter worker`: consumes group jobs from Redis (REDIS_URL) and grades them in this process. */
import { pino } from 'pino';
import { AppError } from '../core/errors.ts';
import { loadConfig } from '../config/config.ts';
import { closeOnSignals } from '../core/shutdown.ts';
import { createInProcessGrader } from '../grading/in-process-grader.ts';
import { createGradingWorker } from './worker.ts';

const SHUTDOWN_WATCHDOG_MS = 60_000;

const config = loadConfig();
if (config.redisUrl === null) throw new AppError('CONFIG_INVALID', 'arbiter worker needs REDIS_URL', [{ path: 'REDIS_URL', message: 'required by the worker' }]);
const logger = pino({ level: config.logLevel });
const worker = createGradingWorker({
  redisUrl: config.redisUrl,
  grader: createInProcessGrader({ threads: config.threads, completionTimeoutMs: config.completionTimeoutMs }),
  prefix: config.queuePrefix,
  concurrency: config.workerConcurrency,
  resultTtlMs: config.jobTtlMs,
  stalledMs: config.workerStalledMs,
  maxStalls: config.workerMaxStalls,
  onError: (err, jobId) => logger.warn({ err, job_id: jobId }, 'worker fault'),
});

closeOnSignals(logger, () => worker.close(), { message: 'finishing active jobs, then exiting', watchdogMs: SHUTDOWN_WATCHDOG_MS });

logger.info({ concurrency: config.workerConcurrency, threads: config.threads }, 'worker started');
await worker.run();
