/**
 * The group job payload: the contract between the producer (API) and the workers.
 *
 * Contract (version 1):
 * - One BullMQ job per group; its `data` is `GroupJobPayload`. The job id is
 *   `g-<sha256 hex>` of the canonical JSON of (group, rewards, advantage, package version)
 *   (see content-hash.ts), so equal work has one id across requests and retries.
 * - The payload says what to grade, not who waits for it: the requests waiting on the group are
 *   the `<p>:grp:<jobId>:waiters` set (names.ts), as `<requestId>|<index in that request>`.
 * - A worker grades `{ groups: [group], rewards, advantage }`, writes the GroupResult JSON to
 *   `<p>:grp:<jobId>:result` (TTL), then delivers it to every waiter. With `scale: batch` the
 *   group's advantages are provisional; the request's advantages are recomputed over all of its
 *   groups when its last group lands.
 * - A payload that does not match this schema, or a version the worker does not know, fails at
 *   once (UnrecoverableError); the waiters fail with INTERNAL.
 */
import { Type, type Static } from '@sinclair/typebox';
import { AdvantageConfig } from '../core/schemas/advantage.ts';
import { Group } from '../core/schemas/request.ts';
import { RewardsConfig } from '../core/schemas/rewards.ts';
import { createValidator } from '../core/validate.ts';

export const GROUP_PAYLOAD_VERSION = 1;

export const GroupJobPayload = Type.Object(
  {
    v: Type.Literal(GROUP_PAYLOAD_VERSION, { description: 'Payload contract version.' }),
    group: Group,
    rewards: Type.Optional(RewardsConfig),
    advantage: Type.Optional(AdvantageConfig),
  },
  { additionalProperties: false },
);

export type GroupJobPayload = Static<typeof GroupJobPayload>;

/**
 * Validates a job's data; throws AppError REQUEST_INVALID listing the problems.
 * @example const payload = parseGroupJobPayload(job.data);
 */
export const parseGroupJobPayload = createValidator(GroupJobPayload, 'REQUEST_INVALID', 'data');
