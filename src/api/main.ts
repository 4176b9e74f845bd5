/** `arbiter serve` / `npm run serve`: the API with the embedded grader (no Redis). */
import { pino } from 'pino';
import { loadConfig } from '../config/config.ts';
import { createInProcessGrader } from '../grading/in-process-grader.ts';
import { createInProcessJobs } from '../grading/jobs-in-process.ts';
import { buildApp } from './app.ts';

const SHUTDOWN_WATCHDOG_MS = 30_000;

const config = loadConfig();
const logger = pino({ level: config.logLevel });
const grader = createInProcessGrader({ threads: config.threads, completionTimeoutMs: config.completionTimeoutMs });
const jobs = createInProcessJobs(grader, { ttlMs: config.jobTtlMs, onError: (err, jobId) => logger.error({ err, job_id: jobId }, 'job fault') });
const app = buildApp({ jobs, config, logger });
await app.listen({ port: config.port, host: config.host });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), SHUTDOWN_WATCHDOG_MS).unref();
    app.close().then(
      () => logger.info('closed'),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exitCode = 1;
      },
    );
  });
}
