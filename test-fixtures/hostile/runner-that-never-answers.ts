/**
 * A sandbox runner that hangs: it says it is ready, then never answers a job (as a runner stuck outside the
 * isolate's own timeout would). Proves the supervisor's SIGKILL watchdog and replacement.
 */
if (process.send !== undefined) {
  process.on('message', () => undefined);
  process.send({ type: 'ready' });
}
