/**
 * One pub/sub connection for every subscription of a producer process: channels are subscribed while
 * someone listens and unsubscribed when the last listener leaves.
 */
import type { Redis } from 'ioredis';

export interface EventHub {
  /** Subscribes `handler` to `channel`; resolves once Redis confirmed the subscription, with the function that undoes it. */
  listen(channel: string, handler: (message: string) => void): Promise<() => void>;
  close(): Promise<void>;
}

/**
 * @example const hub = createEventHub(workerConnection(url)); const stop = await hub.listen('arbiter:events:abc', console.log);
 */
export function createEventHub(subscriber: Redis): EventHub {
  const handlers = new Map<string, Set<(message: string) => void>>();
  subscriber.on('message', (channel: string, message: string) => {
    for (const handler of [...(handlers.get(channel) ?? [])]) handler(message);
  });
  return {
    async listen(channel, handler) {
      let set = handlers.get(channel);
      if (set === undefined) {
        set = new Set();
        handlers.set(channel, set);
      }
      set.add(handler);
      await subscriber.subscribe(channel);
      return () => {
        const current = handlers.get(channel);
        current?.delete(handler);
        if (current?.size === 0) {
          handlers.delete(channel);
          void subscriber.unsubscribe(channel).catch(() => {});
        }
      };
    },
    async close() {
      handlers.clear();
      subscriber.disconnect();
    },
  };
}
