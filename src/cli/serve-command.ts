/** `arbiter serve` (`npm start`): the HTTP API with the embedded grader, configured from the environment. */
import type { Command } from 'commander';

/**
 * Declares `serve` on a command created by the program. The API is loaded only when this command runs,
 * so `arbiter grade` never pays for fastify.
 * @example configureServeCommand(program.command('serve'))
 */
export function configureServeCommand(command: Command): Command {
  return command
    .description('serve the HTTP API (POST /v1/grade, /v1/jobs, /get_reward, /docs, …) with the embedded grader: no Redis needed')
    .addHelpText(
      'after',
      [
        '',
        'Configured by environment variables (README "Configuration"), among them:',
        '  PORT (8080), HOST (127.0.0.1), ARBITER_API_KEYS (none: open API), ARBITER_THREADS (CPUs),',
        '  ARBITER_COMPLETION_TIMEOUT_MS (10000), ARBITER_GRADE_WAIT_MS (30000), REDIS_URL (none: embedded),',
        '  ARBITER_MAX_QUEUED_GROUPS (10000: then 503 OVERLOADED), LOG_LEVEL (info).',
        'OpenAPI: http://HOST:PORT/docs. SIGINT/SIGTERM finish running jobs, then exit.',
      ].join('\n'),
    )
    .action(async () => {
      await import('../api/main.ts');
    });
}
