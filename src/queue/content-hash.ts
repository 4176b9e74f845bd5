/**
 * Content addresses for group jobs: equal work (same group, same settings, same Arbiter version) gets
 * the same job id, so a duplicate or retried request reuses graded groups instead of grading twice.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { packagePath } from '../core/package-root.ts';
import type { GroupJobPayload } from './payload.ts';

/**
 * JSON with object keys sorted at every level (arrays keep their order), so equal values give equal text.
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

let version: string | null = null;

/** The package version: part of every content address, so an upgrade never reuses an older grading. */
function packageVersion(): string {
  version ??= String((JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version?: unknown }).version ?? '0.0.0');
  return version;
}

/**
 * The BullMQ job id of a group job: `g-` + sha256 of the canonical payload and the package version.
 * @example groupJobId({ v: 1, group: { task: { type: 'text', answer: 'B' }, completions: ['B'] } }) // 'g-3f…'
 */
export function groupJobId(payload: GroupJobPayload): string {
  return `g-${createHash('sha256').update(canonicalJson([packageVersion(), payload])).digest('hex')}`;
}

/** sha256 hex of a string (idempotency slots and digests). */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
