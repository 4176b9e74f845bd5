/**
 * Redis connections of queue mode. The producer (API) fails fast: one retry per command, no offline
 * queue, so a request is answered 503 QUEUE_UNAVAILABLE at once instead of hanging while Redis is down.
 * Workers are patient: commands wait for Redis to come back (`maxRetriesPerRequest: null`, as BullMQ
 * requires of blocking connections).
 */
import { Redis } from 'ioredis';

/** Reconnect after 100 ms, 200 ms, … up to 2 s: the connection recovers soon after Redis does. */
const retryStrategy = (times: number): number => Math.min(times * 100, 2_000);

/**
 * The API's connection. `onError` hears connection faults (ioredis would print them otherwise).
 * @example const redis = producerConnection('redis://127.0.0.1:6379', (err) => logger.warn({ err }, 'redis'));
 */
export function producerConnection(url: string, onError: (error: Error) => void = () => {}): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000, retryStrategy });
  redis.on('error', onError);
  return redis;
}

/**
 * A worker's connection (also the API's pub/sub subscriber): every command waits for Redis.
 * @example const redis = workerConnection(config.redisUrl);
 */
export function workerConnection(url: string, onError: (error: Error) => void = () => {}): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, retryStrategy });
  redis.on('error', onError);
  return redis;
}
