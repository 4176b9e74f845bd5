/** Requests the API and job-service tests share: small, text tasks only, so they grade in milliseconds. */
import type { GradeRequest } from '../../src/core/schemas/request.ts';

export const RIGHT = '<think>The capital of France.</think> <answer>Paris</answer>';
export const WRONG = '<think>Hmm.</think> <answer>Lyon</answer>';

/** `groups` groups of four completions (two right, two wrong), ids g0, g1, … */
export function parisRequest(groups = 3): GradeRequest {
  return {
    groups: Array.from({ length: groups }, (_, g) => ({
      id: `g${g}`,
      task: { type: 'text', answer: 'Paris' },
      completions: [RIGHT, WRONG, RIGHT, WRONG],
    })),
  };
}
