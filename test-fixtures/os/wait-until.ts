/** Polling for tests and benches that wait on another process (a server answering, a process gone). */

/**
 * Checks every 50 ms until `check` is true (a check that throws counts as false); past `timeoutMs` throws
 * `${what} within ${timeoutMs} ms`.
 * @example await waitUntil('the API was not ready', 60_000, async () => (await fetch(`${url}/readyz`)).status === 200);
 */
export async function waitUntil(what: string, timeoutMs: number, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await Promise.resolve().then(check).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
