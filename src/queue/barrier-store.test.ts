import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryBarrierStore, joinBarrier, type BarrierStore, type SliceRequest } from '../grading/barrier.ts';
import { REDIS_URL } from '../../test-fixtures/queue/redis-harness.ts';
import { createRedisBarrierStore } from './barrier-store.ts';

const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
const prefix = `arbiter-test-${randomUUID()}`;
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

const slice = (groupId: string, offset: number | undefined, completions: string[], waitMs = 5_000, sliceKey = randomUUID()): SliceRequest => ({
  owner: 'key-a',
  groupId,
  size: 4,
  offset,
  sliceKey,
  completions,
  waitMs,
});

const stores: Array<[string, () => BarrierStore]> = [
  ['in memory', createMemoryBarrierStore],
  ['on Redis', () => createRedisBarrierStore(redis, prefix, false)],
];

describe.each(stores)('group barrier %s', (_name, makeStore) => {
  it('waits for every slice, then gives each caller the whole group in offset order and its own positions', async () => {
    const store = makeStore();
    const id = randomUUID();
    // Rank 1 arrives first with the second half.
    const [second, first] = await Promise.all([
      joinBarrier(store, slice(id, 2, ['c', 'd'])),
      new Promise((resolve) => setTimeout(resolve, 50)).then(() => joinBarrier(store, slice(id, 0, ['a', 'b']))),
    ]);
    expect(first).toEqual({ completions: ['a', 'b', 'c', 'd'], positions: [0, 1], partial: false });
    expect(second).toEqual({ completions: ['a', 'b', 'c', 'd'], positions: [2, 3], partial: false });
  });

  it('orders slices without offsets by arrival', async () => {
    const store = makeStore();
    const id = randomUUID();
    const early = joinBarrier(store, slice(id, undefined, ['x', 'y']));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const late = await joinBarrier(store, slice(id, undefined, ['z', 'w']));
    expect((await early).completions).toEqual(['x', 'y', 'z', 'w']);
    expect(late.positions).toEqual([2, 3]);
  });

  it('counts a retried slice once (same offset, or same key without offset)', async () => {
    const store = makeStore();
    const id = randomUUID();
    const a = joinBarrier(store, slice(id, 0, ['a', 'b']));
    const retry = joinBarrier(store, slice(id, 0, ['a', 'b']));
    const key = randomUUID();
    const c = joinBarrier(store, slice(id, undefined, ['c', 'd'], 5_000, key));
    const cRetry = joinBarrier(store, slice(id, undefined, ['c', 'd'], 5_000, key));
    const results = await Promise.all([a, retry, c, cRetry]);
    for (const result of results) expect(result.completions).toEqual(['a', 'b', 'c', 'd']);
  });

  it('seals a partial group at the deadline, and a slice arriving after the seal is a partial group of its own', async () => {
    const store = makeStore();
    const id = randomUUID();
    const started = Date.now();
    const alone = await joinBarrier(store, slice(id, 0, ['a', 'b'], 150));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(alone).toEqual({ completions: ['a', 'b'], positions: [0, 1], partial: true });
    const late = await joinBarrier(store, slice(id, 2, ['c', 'd'], 150));
    expect(late).toEqual({ completions: ['c', 'd'], positions: [0, 1], partial: true });
  });

  it('keeps owners and sizes apart: the same group id under another key or size is another group', async () => {
    const store = makeStore();
    const id = randomUUID();
    const mine = joinBarrier(store, slice(id, 0, ['a', 'b'], 200));
    const theirs = joinBarrier(store, { ...slice(id, 2, ['c', 'd'], 200), owner: 'key-b' });
    const otherSize = joinBarrier(store, { ...slice(id, 2, ['e', 'f'], 200), size: 8 });
    expect((await mine).completions).toEqual(['a', 'b']);
    expect((await theirs).completions).toEqual(['c', 'd']);
    expect((await otherSize).completions).toEqual(['e', 'f']);
  });
});
