import { describe, expect, it } from 'vitest';
import { normalizeCompletion } from '../core/schemas/completion.ts';
import type { Task } from '../core/schemas/task.ts';
import { resolveRewards } from './reward-config.ts';
import { scoreCompletion, unscorableScore } from './score-completion.ts';
import type { GroupContext } from './types.ts';
import { RewardConfigError } from './reward-config-error.ts';

const TEXT_TASK: Task = { type: 'text', answer: '4' };
const ctx = (task: Task = TEXT_TASK, prompt: string | null = 'What is 2+2?', targetLanguage: string | null = null): GroupContext => ({ task, prompt, targetLanguage });
const GOOD = normalizeCompletion('<think>two plus two</think>\n<answer>4</answer>');

describe('scoreCompletion', () => {
  it("scores R1's default components: accuracy and format", () => {
    expect(scoreCompletion(ctx(), GOOD, resolveRewards())).toEqual({
      verdict: { status: 'correct', score: 1, answer: '4', details: { extraction: 'answer_tag' } },
      components: { accuracy: 1, format: 1 },
      length: 46,
      lengthUnit: 'chars',
      details: { format: { mode: 'r1' } },
    });
  });

  it('computes every requested per-completion component, in COMPONENT_NAMES order', () => {
    const rewards = resolveRewards({
      cosine: { max_length: 92 },
      repetition: { ngram_size: 2 },
      length: { max_length: 56, cache_length: 20 },
      language: 1,
      format: 1,
      accuracy: 1,
    });
    const score = scoreCompletion(ctx(), GOOD, rewards);
    expect(Object.keys(score.components)).toEqual(['accuracy', 'format', 'language', 'length', 'repetition', 'cosine']);
    expect(score.components).toEqual({
      accuracy: 1,
      format: 1,
      language: 1,
      length: -0.5, // (36 − 46) / 20
      repetition: 0,
      cosine: 0.75, // 46 of 92 chars, correct
    });
    expect(score.details['language']).toEqual({ target: 'latin', inferred: true, words: 3, target_words: 3 });
  });

  it('measures length in tokens when the completion gives num_tokens', () => {
    const rewards = resolveRewards({ length: { max_length: 100, cache_length: 20 } });
    const score = scoreCompletion(ctx(), normalizeCompletion({ text: GOOD.text, num_tokens: 90 }), rewards);
    expect(score).toMatchObject({ length: 90, lengthUnit: 'tokens', components: { length: -0.5 } });
  });

  it('leaves the Kimi length reward to the group (finishGroup)', () => {
    expect(scoreCompletion(ctx(), GOOD, resolveRewards({ accuracy: 1, length: { mode: 'kimi' } })).components).toEqual({ accuracy: 1 });
  });

  it('gives null accuracy and cosine, but still format, for a task without a verifier', () => {
    const score = scoreCompletion(ctx({ type: 'code', language: 'python', tests: [{ input: '', output: '4' }] }), GOOD, resolveRewards({ accuracy: 1, format: 1, cosine: 1 }));
    expect(score.verdict.status).toBe('unsupported_task');
    expect(score.components).toEqual({ accuracy: null, format: 1, cosine: null });
  });

  it('uses the wrong-answer cosine curve for an incorrect answer', () => {
    const wrong = normalizeCompletion('<think>two plus two</think>\n<answer>5</answer>');
    expect(scoreCompletion(ctx(), wrong, resolveRewards({ cosine: { max_length: 92 } })).components).toEqual({ cosine: -0.75 });
  });

  it("prefers the group's target language over the request's", () => {
    const rewards = resolveRewards({ language: { target: 'en' } });
    const text = normalizeCompletion('<think>我想 think</think><answer>4</answer>');
    expect(scoreCompletion(ctx(TEXT_TASK, null, 'zh'), text, rewards).components.language).toBe(2 / 3);
    expect(scoreCompletion(ctx(TEXT_TASK, null, null), text, rewards).components.language).toBe(1 / 3);
  });

  it('infers the target from the prompt when neither sets one', () => {
    const text = normalizeCompletion('<think>我想 think</think><answer>4</answer>');
    expect(scoreCompletion(ctx(TEXT_TASK, '二加二等于几？', null), text, resolveRewards({ language: 1 })).details['language']).toEqual({
      target: 'zh',
      inferred: true,
      words: 3,
      target_words: 2,
    });
  });

  it("throws a RewardConfigError for an unknown group target_language (the pool reports it as an error verdict)", () => {
    expect(() => scoreCompletion(ctx(TEXT_TASK, null, 'klingon'), GOOD, resolveRewards({ language: 1 }))).toThrow(RewardConfigError);
  });

  it('is deterministic and JSON-serialisable', () => {
    const rewards = resolveRewards({ accuracy: 1, format: 1, language: 1, length: 1, repetition: 1, cosine: 1 });
    const a = scoreCompletion(ctx(), GOOD, rewards);
    const b = scoreCompletion(ctx(), GOOD, rewards);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('scores a typical text completion in well under the 20 µs budget on average', () => {
    const rewards = resolveRewards({ accuracy: 1, format: 1, language: 1, length: 1 });
    const think = 'Let me think about this question carefully, step by step. '.repeat(20);
    const group = ctx({ type: 'text', answer: 'B', choices: ['1', '2', '3', '4'] });
    const completions = Array.from({ length: 500 }, (_, i) => normalizeCompletion(`<think>\n${think}${i}\n</think>\n<answer>B</answer>`));
    for (const c of completions) scoreCompletion(group, c, rewards);
    const start = performance.now();
    for (let round = 0; round < 4; round++) for (const c of completions) scoreCompletion(group, c, rewards);
    const microsPerCompletion = ((performance.now() - start) * 1000) / 2000;
    // Generous bound for slow CI machines; the bench measures the real figure (~8 µs here).
    expect(microsPerCompletion).toBeLessThan(100);
  });
});

describe('unscorableScore', () => {
  it('reports every requested per-completion component as null and keeps the length', () => {
    const verdict = { status: 'timeout', score: null, answer: null, details: { reason: 'took longer than 10000 ms' } } as const;
    const rewards = resolveRewards({ accuracy: 1, format: 1, length: { mode: 'kimi' }, cosine: 1 });
    expect(unscorableScore(verdict, GOOD, rewards)).toEqual({
      verdict,
      components: { accuracy: null, format: null, cosine: null },
      length: 46,
      lengthUnit: 'chars',
      details: {},
    });
  });
});
