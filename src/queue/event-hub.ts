/**
 * One pub/sub connection for every subscription of a producer process: channels are subscribed while
 * someone listens and unsubscribed when the last listener leaves.
 */
import type { Redis } from 'ioredis';

export interface EventHub {
  /** Subscribes `handler` to `channel`; resolves once Redis confirmed the subscription, with the function that undoes it. */
  listen(channel: string, handler: (message: string) => void): Promise<() => void>;
  /**
   * Calls `handler` each time the connection is back after a loss (the channels are subscribed again):
   * messages published meanwhile are gone, so listeners read the state they missed. Returns the undo.
   */
  onReconnect(handler: () => void): () => void;
  close(): Promise<void>;
}

/**
 * @example const hub = createEventHub(workerConnection(url)); const stop = await hub.listen('arbiter:events:abc', console.log);
 */
export function createEventHub(subscriber: Redis): EventHub {
  const handlers = new Map<string, Set<(message: string) => void>>();
  const reconnectHandlers = new Set<() => void>();
  let lost = false;
  subscriber.on('message', (channel: string, message: string) => {
    for (const handler of [...(handlers.get(channel) ?? [])]) handler(message);
  });
  subscriber.on('close', () => (lost = true));
  subscriber.on('ready', () => {
    if (!lost) return;
    lost = false;
    // ioredis subscribes the channels again by itself; this waits until Redis has confirmed every one of them,
    // so that what the handlers read next cannot miss a message published after the read.
    const channels = [...handlers.keys()];
    const resubscribed = channels.length === 0 ? Promise.resolve() : subscriber.subscribe(...channels).then(() => {});
    resubscribed.then(
      () => {
        for (const handler of [...reconnectHandlers]) handler();
      },
      () => (lost = true), // the connection broke again: its next 'ready' tries again
    );
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
    onReconnect(handler) {
      reconnectHandlers.add(handler);
      return () => reconnectHandlers.delete(handler);
    },
    async close() {
      handlers.clear();
      reconnectHandlers.clear();
      subscriber.disconnect();
    },
  };
}
