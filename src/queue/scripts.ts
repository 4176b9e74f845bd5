/**
 * The Lua scripts that keep a request's record consistent when several workers (and the producer)
 * deliver its groups at once: a group is delivered once (HSETNX), the count goes up once per group,
 * and the request reaches a final status once, with its events published in the same step.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** A script run by EVALSHA, loaded with EVAL the first time a server has not seen it. */
export class RedisScript {
  private readonly sha: string;

  constructor(private readonly lua: string) {
    this.sha = createHash('sha1').update(lua).digest('hex');
  }

  async run(redis: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.lua, keys.length, ...keys, ...args);
    }
  }
}

const FINAL = `local function final(s) return s == 'completed' or s == 'failed' or s == 'cancelled' end\n`;

/**
 * KEYS: request, groups, order. ARGV: index, result JSON, channel, event message ('' = publish nothing).
 * Returns { added (1, 0 already delivered, -1 request missing or final), done, total }.
 */
export const DELIVER = new RedisScript(
  FINAL +
    `local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {-1, 0, 0} end
local total = tonumber(redis.call('HGET', KEYS[1], 'total'))
if final(status) then return {-1, 0, total} end
local added = redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2])
if added == 1 then
  redis.call('RPUSH', KEYS[3], ARGV[1])
  redis.call('HINCRBY', KEYS[1], 'done', 1)
  if status == 'queued' then redis.call('HSET', KEYS[1], 'status', 'running') end
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then
    redis.call('PEXPIRE', KEYS[2], ttl)
    redis.call('PEXPIRE', KEYS[3], ttl)
  end
  if ARGV[4] ~= '' then redis.call('PUBLISH', ARGV[3], ARGV[4]) end
end
return {added, tonumber(redis.call('HGET', KEYS[1], 'done')), total}`,
);

/**
 * KEYS: request, groups, order, result. ARGV: status, finished (ms), result JSON or '', error JSON or '',
 * ttl (ms), channel, then the messages to publish in order. Returns 1 when this call made the request final.
 */
export const FINISH = new RedisScript(
  FINAL +
    `local status = redis.call('HGET', KEYS[1], 'status')
if not status or final(status) then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'finished', ARGV[2])
if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'error', ARGV[4]) end
if ARGV[3] ~= '' then redis.call('SET', KEYS[4], ARGV[3]) end
for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], ARGV[5]) end
for i = 7, #ARGV do redis.call('PUBLISH', ARGV[6], ARGV[i]) end
return 1`,
);

/** KEYS: request. queued → running; anything else stays. */
export const MARK_RUNNING = new RedisScript(
  `if redis.call('HGET', KEYS[1], 'status') == 'queued' then redis.call('HSET', KEYS[1], 'status', 'running') end
return 1`,
);

/**
 * The cancel race (DELETE /v1/jobs/:id against workers delivering and completing, and other requests
 * joining the same group jobs) settled in one step: the request is cancelled only if it is still
 * unfinished and its owner's, its `done` event goes out in the same step, and it stops waiting on every
 * group job at once. A worker's DELIVER or FINISH that comes after sees a final request and does
 * nothing; one that came before made the request final, and this script does nothing.
 * KEYS: request, groups, order, result, then one waiters set per group of the request.
 * ARGV: owner (as stored: JSON), finished (ms), ttl (ms), channel, done message, then the request's
 * waiter entry in each waiters set, in KEYS order.
 * Returns {0} when nothing was cancelled, else {1, n…}: the positions (1-based, among the waiters sets)
 * of the sets left empty, whose group jobs no request waits for any more.
 */
export const CANCEL = new RedisScript(
  FINAL +
    `local status = redis.call('HGET', KEYS[1], 'status')
if not status or final(status) or redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return {0} end
redis.call('HSET', KEYS[1], 'status', 'cancelled', 'finished', ARGV[2])
for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
redis.call('PUBLISH', ARGV[4], ARGV[5])
local out = {1}
for i = 5, #KEYS do
  redis.call('SREM', KEYS[i], ARGV[i + 1])
  if redis.call('SCARD', KEYS[i]) == 0 then table.insert(out, i - 4) end
end
return out`,
);
