/**
 * What the operators' queue board (/admin/queues, src/api/admin-board.ts) shows: the group queue, read
 * only. Read only because a group job removed or retried behind the service's back would leave the
 * requests waiting on it without an answer; the service itself removes and fails jobs.
 */
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { Queue } from 'bullmq';
import { producerConnection } from './connections.ts';
import { DEFAULT_PREFIX, GROUP_QUEUE } from './names.ts';

export interface BoardQueues {
  /** bull-board adapters of the queues to show. */
  readonly queues: readonly BullMQAdapter[];
  close(): Promise<void>;
}

/**
 * @example const board = createBoardQueues('redis://127.0.0.1:6379', 'arbiter'); buildApp({ …, board }); … await board.close();
 */
export function createBoardQueues(redisUrl: string, prefix: string = DEFAULT_PREFIX, onError: (error: unknown) => void = () => {}): BoardQueues {
  const redis = producerConnection(redisUrl, onError);
  const queue = new Queue(GROUP_QUEUE, { connection: redis, prefix });
  queue.on('error', onError);
  return {
    queues: [new BullMQAdapter(queue, { readOnlyMode: true, allowRetries: false, description: `one job per group of a grading request (key prefix ${prefix})` })],
    async close() {
      await queue.close().catch(onError);
      redis.disconnect();
    },
  };
}
