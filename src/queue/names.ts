/**
 * Where queue mode keeps things in Redis. Every key starts with the prefix (default `arbiter`), so
 * several deployments (or test runs) share one Redis without meeting; BullMQ's own keys live under
 * the same prefix (`<prefix>:groups:*`).
 *
 * | key | type | holds |
 * | --- | --- | --- |
 * | `<p>:req:<id>` | hash | the request's record: owner, status, total, done, created, finished, settings, jobs, digest, ttl, error |
 * | `<p>:req:<id>:groups` | hash | group index → that group's GroupResult JSON as delivered (final for scale group/none) |
 * | `<p>:req:<id>:order` | list | group indices in the order they were delivered (event replay) |
 * | `<p>:req:<id>:result` | string | the GradeResponse JSON, once completed |
 * | `<p>:grp:<jobId>:result` | string | a graded group (content-addressed, shared by every request with that group) |
 * | `<p>:grp:<jobId>:waiters` | set | `<requestId>|<index>` of every request waiting on that group |
 * | `<p>:idem:<sha256>` | string | request id of an (owner, Idempotency-Key) pair |
 * | `<p>:stats:completions` | hash | completions graded, by status, cluster-wide |
 * | `<p>:rate:<key>` | string | requests of an API key (or client address) in the current rate-limit window (TTL: the window) |
 * | `<p>:events:<id>` | pub/sub channel | the request's events (JSON JobEvent) |
 */

/** The BullMQ queue of group jobs. */
export const GROUP_QUEUE = 'groups';

/** Name of every job in GROUP_QUEUE (one job = one group). */
export const GROUP_JOB_NAME = 'grade-group';

/** Default key prefix. */
export const DEFAULT_PREFIX = 'arbiter';

/** Key builders for one prefix. @example keysFor('arbiter').request('abc') // 'arbiter:req:abc' */
export function keysFor(prefix: string) {
  return {
    request: (id: string) => `${prefix}:req:${id}`,
    requestGroups: (id: string) => `${prefix}:req:${id}:groups`,
    requestOrder: (id: string) => `${prefix}:req:${id}:order`,
    requestResult: (id: string) => `${prefix}:req:${id}:result`,
    groupResult: (jobId: string) => `${prefix}:grp:${jobId}:result`,
    groupWaiters: (jobId: string) => `${prefix}:grp:${jobId}:waiters`,
    idempotency: (hash: string) => `${prefix}:idem:${hash}`,
    completions: () => `${prefix}:stats:completions`,
    events: (id: string) => `${prefix}:events:${id}`,
  };
}

export type Keys = ReturnType<typeof keysFor>;

/** A waiter entry: which request and which of its groups a group job serves. */
export function waiterOf(requestId: string, index: number): string {
  return `${requestId}|${index}`;
}

/** The inverse of waiterOf; null for a malformed entry. */
export function parseWaiter(entry: string): { requestId: string; index: number } | null {
  const bar = entry.lastIndexOf('|');
  const index = Number(entry.slice(bar + 1));
  return bar > 0 && Number.isInteger(index) && index >= 0 ? { requestId: entry.slice(0, bar), index } : null;
}
