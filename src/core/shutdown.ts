/**
 * SIGINT/SIGTERM handling shared by the process entry points (`arbiter serve`, `arbiter worker`): log,
 * close what the process runs, and exit; an unref'd watchdog ends a close that hangs.
 */

/** The two log calls shutdown needs (pino's logger fits). */
export interface ShutdownLogger {
  info(fields: object, message: string): void;
  info(message: string): void;
  error(fields: object, message: string): void;
}

/**
 * Closes `close()` once on the first SIGINT or SIGTERM; past `watchdogMs` the process exits 1.
 * @example closeOnSignals(logger, () => app.close(), { message: 'shutting down', watchdogMs: 30_000 });
 */
export function closeOnSignals(logger: ShutdownLogger, close: () => Promise<unknown>, options: { message: string; watchdogMs: number }): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, options.message);
      setTimeout(() => process.exit(1), options.watchdogMs).unref();
      close().then(
        () => logger.info('closed'),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exitCode = 1;
        },
      );
    });
  }
}
