/**
 * The group barrier's store in cluster mode (src/grading/barrier.ts): one Redis hash per group, so
 * ranks talking to different API instances meet. Fields: `s:<sliceId>` → slice JSON, `q:<sliceId>` →
 * arrival order, `seq` → last order given, `sealed` → JSON list of the slice ids sealed in.
 */
import type { Redis } from 'ioredis';
import type { BarrierStore, StoredSlice } from '../grading/barrier.ts';
import { RedisScript } from './scripts.ts';

/** KEYS: group hash. ARGV: slice id, slice JSON, ttl ms. Returns 1 added/replaced, 0 sealed. */
const ADD = new RedisScript(`if redis.call('HEXISTS', KEYS[1], 'sealed') == 1 then return 0 end
if redis.call('HEXISTS', KEYS[1], 'q:' .. ARGV[1]) == 0 then
  redis.call('HSET', KEYS[1], 'q:' .. ARGV[1], redis.call('HINCRBY', KEYS[1], 'seq', 1))
end
redis.call('HSET', KEYS[1], 's:' .. ARGV[1], ARGV[2])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 1`);

/** KEYS: group hash. ARGV: ttl ms. Seals with the slices present unless sealed; returns the sealed ids JSON. */
const SEAL = new RedisScript(`local sealed = redis.call('HGET', KEYS[1], 'sealed')
if sealed then return sealed end
local ids = {}
local fields = redis.call('HKEYS', KEYS[1])
for _, field in ipairs(fields) do
  if string.sub(field, 1, 2) == 's:' then table.insert(ids, string.sub(field, 3)) end
end
sealed = cjson.encode(ids)
if #ids == 0 then sealed = '[]' end
redis.call('HSET', KEYS[1], 'sealed', sealed)
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return sealed`);

const SEAL_TTL_MS = 120_000;

function slicesOf(hash: Record<string, string>, only?: ReadonlySet<string>): StoredSlice[] {
  const slices: StoredSlice[] = [];
  for (const [field, json] of Object.entries(hash)) {
    if (!field.startsWith('s:')) continue;
    const sliceId = field.slice(2);
    if (only !== undefined && !only.has(sliceId)) continue;
    const { offset, completions } = JSON.parse(json) as { offset: number | null; completions: unknown[] };
    slices.push({ sliceId, offset, completions, seq: Number(hash[`q:${sliceId}`] ?? 0) });
  }
  return slices;
}

/**
 * A BarrierStore on Redis under `<prefix>:barrier:<key>`; `close()` quits the connection unless told not to.
 * @example const store = createRedisBarrierStore(redis, 'arbiter');
 */
export function createRedisBarrierStore(redis: Redis, prefix: string, closeConnection = true): BarrierStore {
  const hashKey = (key: string) => `${prefix}:barrier:${key}`;
  return {
    async add(key, slice, ttlMs) {
      const json = JSON.stringify({ offset: slice.offset, completions: slice.completions });
      return (await ADD.run(redis, [hashKey(key)], [slice.sliceId, json, Math.ceil(ttlMs)])) === 1;
    },
    async read(key) {
      const hash = await redis.hgetall(hashKey(key));
      return { slices: slicesOf(hash), sealed: hash['sealed'] !== undefined };
    },
    async seal(key) {
      const ids = JSON.parse(String(await SEAL.run(redis, [hashKey(key)], [SEAL_TTL_MS]))) as string[];
      return slicesOf(await redis.hgetall(hashKey(key)), new Set(ids));
    },
    async close() {
      if (closeConnection) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
