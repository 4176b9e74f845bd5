/** Requests of the queue-mode tests: text tasks with different right/wrong mixes per group, so batch advantages differ from group ones. */
import type { GradeRequest } from '../../src/core/schemas/request.ts';
import { RIGHT, WRONG } from '../api/requests.ts';

/** `groups` groups of four completions; group g has g % 4 + 1 right ones (group 3 is all right: zero variance). */
export function mixedRequest(groups = 3, advantage: GradeRequest['advantage'] = {}): GradeRequest {
  return {
    groups: Array.from({ length: groups }, (_, g) => ({
      id: `q${g}`,
      task: { type: 'text', answer: 'Paris' },
      completions: Array.from({ length: 4 }, (_, i) => (i <= g % 4 ? RIGHT : WRONG)),
    })),
    advantage,
  };
}
