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

/** A waiter entry `<requestId>|<index>` split (names.ts waiterOf); nil for a malformed one. */
const WAITER = `local function waiter(entry) return string.match(entry, '^(.+)|(%d+)$') end\n`;

/**
 * A worker took a group job: the group's result when it was graded before (nothing else happens), else
 * every request waiting on it goes queued → running (anything else stays) and false comes back.
 * KEYS: group result, group waiters. ARGV: request key prefix (`<p>:req:`).
 * The requests' keys are derived here, not declared: queue mode runs on one Redis node, not a cluster.
 */
export const START_GROUP = new RedisScript(
  WAITER +
    `local cached = redis.call('GET', KEYS[1])
if cached then return cached end
for _, entry in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local id = waiter(entry)
  if id and redis.call('HGET', ARGV[1] .. id, 'status') == 'queued' then redis.call('HSET', ARGV[1] .. id, 'status', 'running') end
end
return false`,
);

/**
 * A graded group, kept and delivered in one step: the result is stored under its content address (TTL;
 * not when ARGV[2] is '': the producer delivering a result already kept), the completion counters go up,
 * and the group goes to every request waiting on it that is not final: once per request (HSETNX into
 * its groups, its index appended to its order, `done` + 1, queued → running, the groups and order given
 * the record's TTL) with its `group` event published unless the request is batch-scaled (the event carries
 * the group's 1-based position in the order, so a subscriber can tell when it missed one); each waiter is
 * then forgotten. A request whose every group is now delivered keeps its waiter entry and is returned: the
 * caller completes it (assembles the response), then forgets the entry (`SREM`), so a worker that dies
 * in between leaves it to the job's retry, which finds the result and delivers it again.
 * Delivering again is a no-op per request (HSETNX), so a retried or duplicated job is harmless.
 * KEYS: group result, group waiters, completions counters.
 * ARGV: result JSON, result TTL (ms) or '', request key prefix (`<p>:req:`), channel prefix (`<p>:events:`),
 * then counter field and increment pairs.
 * Returns { requestId, waiter entry, … } of the requests to complete.
 */
export const DELIVER_GROUP = new RedisScript(
  FINAL +
    WAITER +
    `if ARGV[2] ~= '' then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
for i = 5, #ARGV, 2 do redis.call('HINCRBY', KEYS[3], ARGV[i], ARGV[i + 1]) end
local complete = {}
for _, entry in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local id, index = waiter(entry)
  local ready = false
  if id then
    local request = ARGV[3] .. id
    local status = redis.call('HGET', request, 'status')
    if status and not final(status) then
      local total = tonumber(redis.call('HGET', request, 'total'))
      if redis.call('HSETNX', request .. ':groups', index, ARGV[1]) == 1 then
        local position = redis.call('RPUSH', request .. ':order', index)
        redis.call('HINCRBY', request, 'done', 1)
        if status == 'queued' then redis.call('HSET', request, 'status', 'running') end
        local ttl = redis.call('PTTL', request)
        if ttl > 0 then
          redis.call('PEXPIRE', request .. ':groups', ttl)
          redis.call('PEXPIRE', request .. ':order', ttl)
        end
        local settings = cjson.decode(redis.call('HGET', request, 'settings') or '{}')
        if type(settings.advantage) ~= 'table' or settings.advantage.scale ~= 'batch' then
          redis.call('PUBLISH', ARGV[4] .. id, '{"type":"group","position":' .. position .. ',"index":' .. index .. ',"result":' .. ARGV[1] .. '}')
        end
      end
      ready = total > 0 and tonumber(redis.call('HGET', request, 'done')) >= total
    end
  end
  if ready then
    table.insert(complete, id)
    table.insert(complete, entry)
  else
    redis.call('SREM', KEYS[2], entry)
  end
end
return complete`,
);

/**
 * The cancel race (DELETE /v1/jobs/:id against workers delivering and completing, and other requests
 * joining the same group jobs) settled in one step: the request is cancelled only if it is still
 * unfinished and its owner's, its `done` event goes out in the same step, and it stops waiting on every
 * group job at once. A worker's DELIVER_GROUP or FINISH that comes after sees a final request and does
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
