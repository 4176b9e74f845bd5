import { describe, expect, it } from 'vitest';
import type { GradeResponse } from '../core/schemas/result.ts';
import { completionOf, toOpenRlhfResponse } from './openrlhf.ts';

describe('completionOf (de-prompting an OpenRLHF query)', () => {
  it('removes the echoed prompt and trailing special tokens', () => {
    expect(completionOf('<|im_start|>user 2+2?<|im_end|>\n4<|im_end|>', '<|im_start|>user 2+2?<|im_end|>\n')).toBe('4');
  });

  it('removes a leading BOS token the prompt string lacks', () => {
    expect(completionOf('<|begin_of_text|>Q: 2+2? A: 4<|eot_id|>', 'Q: 2+2? A: ')).toBe('4');
  });

  it('keeps a query that does not start with its prompt, less its end-of-sentence tokens', () => {
    expect(completionOf('The answer is 4</s>', 'Q: 2+2?')).toBe('The answer is 4');
    expect(completionOf('4<｜end▁of▁sentence｜>', '')).toBe('4');
  });

  it('leaves tags that are not special tokens alone', () => {
    expect(completionOf('<think>x</think> <answer>4</answer>', '')).toBe('<think>x</think> <answer>4</answer>');
  });
});

describe('toOpenRlhfResponse', () => {
  const stats = { count: 1, scorable: 1, mean: 1, std: null, pass_rate: null, zero_variance: true };
  const response: GradeResponse = {
    groups: [
      { id: null, results: [{ reward: 2, status: 'correct', components: { accuracy: 1, format: 1 }, advantage: 0, answer: 'x', details: {} }], stats },
      { id: null, results: [{ reward: null, status: 'timeout', components: { accuracy: null, format: null }, advantage: 0, answer: null, details: {} }], stats },
    ],
    advantage: { preset: 'trl', estimator: 'grpo', scale: 'group', epsilon: 1e-4, std: 'sample' },
  };

  it('sends the fallback reward for an unscorable completion, score 0, components 0, and flags it', () => {
    expect(toOpenRlhfResponse(response, -1)).toEqual({
      rewards: [2, -1],
      scores: [1, 0],
      extra_logs: { accuracy: [1, 0], format: [1, 0], correct: [1, 0], unscorable: [0, 1] },
    });
  });
});
