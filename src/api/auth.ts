/**
 * Bearer API keys. A job belongs to the key that created it; the owner id is a digest of the key, so
 * keys never reach logs, job records or (in cluster mode) Redis. No keys configured: the API is open and
 * every caller is the owner `null`.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../core/errors.ts';

export interface Auth {
  /** True when no keys are configured. */
  readonly open: boolean;
  /** The owner id of the request's `Authorization` header; throws AUTH_MISSING or AUTH_INVALID. */
  ownerOf(authorization: string | undefined): string | null;
}

function ownerIdOf(key: string): string {
  return `key_${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

/**
 * @example createAuth(['k1']).ownerOf('Bearer k1') // 'key_…' (stable per key)
 * @example createAuth([]).ownerOf(undefined) // null: open API
 */
export function createAuth(keys: readonly string[]): Auth {
  const owners = new Map(keys.map((key) => [createHash('sha256').update(key).digest('hex'), ownerIdOf(key)]));
  return {
    open: owners.size === 0,
    ownerOf(authorization) {
      if (owners.size === 0) return null;
      const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
      if (match?.[1] === undefined) throw new AppError('AUTH_MISSING', 'send the API key as "Authorization: Bearer <key>"');
      const owner = owners.get(createHash('sha256').update(match[1]).digest('hex'));
      if (owner === undefined) throw new AppError('AUTH_INVALID', 'the API key is not valid');
      return owner;
    },
  };
}
