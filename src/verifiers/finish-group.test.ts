import { describe, expect, it } from 'vitest';
import { normalizeCompletion, type Completion } from '../core/schemas/completion.ts';
import type { RewardsConfig } from '../core/schemas/rewards.ts';
import { finishGroup } from './finish-group.ts';
import { resolveRewards } from './reward-config.ts';
import { scoreCompletion } from './score-completion.ts';
import type { CompletionScore, GroupContext } from './types.ts';

const ctx: GroupContext = { task: { type: 'text', answer: '4' }, prompt: null, targetLanguage: null };

/** Scores completions for real, then finishes the group. */
function grade(config: RewardsConfig, raw: Completion[], group: GroupContext = ctx) {
  const rewards = resolveRewards(config);
  const completions = raw.map(normalizeCompletion);
  return finishGroup(completions.map((c) => scoreCompletion(group, c, rewards)), completions, rewards);
}

const score = (components: CompletionScore['components'], status: 'correct' | 'incorrect' = 'correct'): CompletionScore => ({
  verdict: { status, score: status === 'correct' ? 1 : 0, answer: null, details: {} },
  components,
  length: 10,
  lengthUnit: 'chars',
  details: {},
});
const plain = normalizeCompletion('x');

describe('finishGroup', () => {
  it('sums the weighted components and merges verdict, component and length details', () => {
    const [result] = grade({ accuracy: 2, format: 0.5 }, ['<think>2+2</think><answer>4</answer>']);
    expect(result).toEqual({
      reward: 2.5,
      status: 'correct',
      components: { accuracy: 1, format: 1 },
      answer: '4',
      details: { extraction: 'answer_tag', format: { mode: 'r1' }, length: 36, length_unit: 'chars' },
    });
  });

  it('reports components in COMPONENT_NAMES order', () => {
    const [result] = grade({ repetition: 1, format: 1, accuracy: 1 }, ['<answer>4</answer>']);
    expect(Object.keys(result?.components ?? {})).toEqual(['accuracy', 'format', 'repetition']);
    expect(result?.reward).toBe(1);
  });

  it('gives a null reward when any requested component is null, even with weight 0', () => {
    const group: GroupContext = { ...ctx, task: { type: 'code', language: 'python', tests: [{ input: '', output: '4' }] } };
    const [result] = grade({ accuracy: 0, format: 1 }, ['<think>a</think><answer>4</answer>'], group);
    expect(result).toMatchObject({ reward: null, status: 'unsupported_task', components: { accuracy: null, format: 1 } });
  });

  it('adds the Kimi length reward over the lengths of the whole group', () => {
    const results = grade({ accuracy: 1, length: { mode: 'kimi' } }, [
      { text: '4', num_tokens: 10 },
      { text: '4', num_tokens: 20 },
      { text: '5', num_tokens: 30 },
      { text: '5', num_tokens: 10 },
    ]);
    expect(results.map((r) => r.components)).toEqual([
      { accuracy: 1, length: 0.5 },
      { accuracy: 1, length: 0 },
      { accuracy: 0, length: -0.5 },
      { accuracy: 0, length: 0 },
    ]);
    expect(results.map((r) => r.reward)).toEqual([1.5, 1, -0.5, 0]);
    expect(results[0]?.details).toMatchObject({ length: 10, length_unit: 'tokens' });
  });

  it('gives a null Kimi length to a completion whose correctness is unknown', () => {
    const rewards = resolveRewards({ accuracy: 1, length: { mode: 'kimi' } });
    const unknown: CompletionScore = { ...score({ accuracy: null }), verdict: { status: 'timeout', score: null, answer: null, details: {} }, length: 30 };
    const results = finishGroup([score({ accuracy: 1 }), unknown], [plain, plain], rewards);
    expect(results.map((r) => [r.reward, r.status, r.components['length']])).toEqual([
      [1.5, 'correct', 0.5],
      [null, 'timeout', null],
    ]);
  });

  it('applies stop-properly to the sum of a truncated completion and reports the change as a component', () => {
    const results = grade({ accuracy: 2, stop_properly: { coef: 0.5 } }, [
      { text: '4', finish_reason: 'length' },
      { text: '4', finish_reason: 'stop' },
      '4',
    ]);
    expect(results.map((r) => [r.reward, r.components])).toEqual([
      [1, { accuracy: 1, stop_properly: -1 }],
      [2, { accuracy: 1, stop_properly: 0 }],
      [2, { accuracy: 1, stop_properly: 0 }],
    ]);
  });

  it('replaces the reward of a truncated completion by a negative coefficient', () => {
    const [result] = grade({ accuracy: 2, format: 1, stop_properly: { coef: -1 } }, [{ text: '4', finish_reason: 'length' }]);
    expect(result).toMatchObject({ reward: -1, components: { accuracy: 1, format: 0, stop_properly: -3 } });
  });

  it('reports stop_properly as null when the reward is null', () => {
    const group: GroupContext = { ...ctx, task: { type: 'code', language: 'python', tests: [{ input: '', output: '4' }] } };
    const [result] = grade({ accuracy: 1, stop_properly: { coef: 0.5 } }, [{ text: '4', finish_reason: 'length' }], group);
    expect(result).toMatchObject({ reward: null, components: { accuracy: null, stop_properly: null } });
  });

  it('never returns NaN: a non-finite component makes the completion an error with a null reward', () => {
    const rewards = resolveRewards({ accuracy: 1, format: 1 });
    const [result] = finishGroup([score({ accuracy: Number.NaN, format: 1 })], [plain], rewards);
    expect(result).toEqual({
      reward: null,
      status: 'error',
      components: { accuracy: null, format: 1 },
      answer: null,
      details: { length: 10, length_unit: 'chars', reason: 'non-finite value: accuracy' },
    });
  });

  it('never returns Infinity: an overflowing sum is an error too', () => {
    const rewards = resolveRewards({ accuracy: 1000, format: 1000 });
    const [result] = finishGroup([score({ accuracy: 1e308, format: 1e308 })], [plain], rewards);
    expect(result).toMatchObject({ reward: null, status: 'error', details: { reason: 'non-finite value: reward' } });
  });
});
