/**
 * The API's rate-limit counter in Redis (queue mode): one fixed window per key, shared by every API
 * replica on the same Redis and prefix. Key: `<prefix>:rate:<key>` (a string counter with the window's TTL).
 */
import type { Redis } from 'ioredis';
import { RedisScript } from './scripts.ts';

/** KEYS: counter. ARGV: window (ms). Returns { count in this window, ms until it ends }. */
const HIT = new RedisScript(`local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`);

/**
 * A counter with the shape of src/api/rate-limit.ts RateCounter over the given (fail-fast) connection, which it owns.
 * @example const counter = createRedisRateCounter(producerConnection(url), 'arbiter'); await counter.hit('key_ab12', 60_000);
 */
export function createRedisRateCounter(redis: Redis, prefix: string) {
  return {
    async hit(key: string, windowMs: number): Promise<{ count: number; resetMs: number }> {
      const [count, resetMs] = (await HIT.run(redis, [`${prefix}:rate:${key}`], [windowMs])) as [number, number];
      return { count, resetMs };
    },
    /** Closes the connection. */
    async close(): Promise<void> {
      redis.disconnect();
    },
  };
}
