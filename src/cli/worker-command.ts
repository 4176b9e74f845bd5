/** `arbiter worker`: a BullMQ consumer grading group jobs from REDIS_URL (cluster mode), configured from the environment. */
import type { Command } from 'commander';

/**
 * Declares `worker` on a command created by the program. The worker is loaded only when this command
 * runs, so `arbiter grade` never pays for BullMQ.
 * @example configureWorkerCommand(program.command('worker'))
 */
export function configureWorkerCommand(command: Command): Command {
  return command
    .description('grade group jobs from the Redis queue (REDIS_URL) for `arbiter serve` in cluster mode; run as many as you like')
    .addHelpText(
      'after',
      [
        '',
        'Configured by environment variables (README "Configuration"), among them:',
        '  REDIS_URL (required), ARBITER_THREADS (CPUs), ARBITER_WORKER_CONCURRENCY (2 × threads),',
        '  ARBITER_WORKER_STALLED_MS (30000), ARBITER_WORKER_MAX_STALLS (2), ARBITER_COMPLETION_TIMEOUT_MS (10000),',
        '  ARBITER_JOB_TTL_MS, LOG_LEVEL.',
        'SIGINT/SIGTERM stop taking jobs, finish the active ones, then exit.',
      ].join('\n'),
    )
    .action(async () => {
      await import('../worker/main.ts');
    });
}
