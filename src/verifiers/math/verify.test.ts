import { describe, expect, it } from 'vitest';
import { normalizeCompletion } from '../../core/schemas/completion.ts';
import type { MathTask } from '../../core/schemas/task.ts';
import { verifyMath } from './verify.ts';

const verify = (task: MathTask, text: string) => verifyMath(task, normalizeCompletion(text));
const HALF: MathTask = { type: 'math', answer: '\\frac{1}{2}' };

describe('verifyMath', () => {
  it('scores an equivalent boxed answer as correct and reports it', () => {
    expect(verify(HALF, '<think>1/2</think> So \\boxed{0.5}.')).toEqual({ status: 'correct', score: 1, answer: '0.5', details: { extraction: 'boxed' } });
  });

  it('scores a different answer as incorrect', () => {
    expect(verify(HALF, '<answer>1/3</answer>')).toEqual({ status: 'incorrect', score: 0, answer: '1/3', details: { extraction: 'answer_tag' } });
  });

  it('answers no_answer when nothing can be extracted', () => {
    expect(verify(HALF, 'I tried.\nI could not solve it.')).toEqual({ status: 'no_answer', score: 0, answer: null, details: { extraction: 'none' } });
  });

  it('refuses a pathological prediction as incorrect with reason too_large', () => {
    expect(verify(HALF, '\\boxed{2^{2^{2^{2^{2}}}}}')).toEqual({
      status: 'incorrect',
      score: 0,
      answer: '2^{2^{2^{2^{2}}}}',
      details: { extraction: 'boxed', reason: 'too_large' },
    });
  });

  it('answers invalid_reference with score null when the gold cannot be parsed', () => {
    expect(verify({ type: 'math', answer: '$ $' }, '\\boxed{1}')).toMatchInlineSnapshot(`
      {
        "answer": "1",
        "details": {
          "extraction": "boxed",
          "reason": "gold "$ $": empty (empty answer)",
        },
        "score": null,
        "status": "invalid_reference",
      }
    `);
  });

  it('accepts any of a list of accepted answers', () => {
    const task: MathTask = { type: 'math', answer: ['12', '\\text{twelve}'] };
    expect(verify(task, '\\boxed{\\text{twelve}}').status).toBe('correct');
    expect(verify(task, '\\boxed{13}').status).toBe('incorrect');
  });

  it('parses the gold once per task object', () => {
    const task: MathTask = { type: 'math', answer: '4' };
    const first = verify(task, '\\boxed{4}');
    expect(verify(task, '\\boxed{4}')).toEqual(first);
  });

  it('honours the require_think and last_number options', () => {
    expect(verify({ type: 'math', answer: '4', require_think: true }, '\\boxed{4}')).toEqual({ status: 'no_answer', score: 0, answer: null, details: { extraction: 'none' } });
    const long = 'Counting every apple in every basket one by one, I get 4 in total after checking twice.';
    expect(verify({ type: 'math', answer: '4' }, long).status).toBe('no_answer');
    expect(verify({ type: 'math', answer: '4', last_number: true }, long)).toEqual({ status: 'correct', score: 1, answer: '4', details: { extraction: 'last_number' } });
  });

  it('accepts an unreduced fraction by default, and rejects it with a reason under require_reduced_fractions', () => {
    expect(verify(HALF, '\\boxed{\\frac{2}{4}}').status).toBe('correct');
    const strict: MathTask = { ...HALF, require_reduced_fractions: true };
    expect(verify(strict, '\\boxed{\\frac{1}{2}}').status).toBe('correct');
    expect(verify(strict, '\\boxed{\\frac{2}{4}}')).toMatchInlineSnapshot(`
      {
        "answer": "\\frac{2}{4}",
        "details": {
          "extraction": "boxed",
          "reason": "unreduced_fraction",
        },
        "score": 0,
        "status": "incorrect",
      }
    `);
  });

  it('matches inequalities and intervals both ways by default, and only an interval for an interval gold under one_way', () => {
    expect(verify({ type: 'math', answer: '(1, 3]' }, '\\boxed{1 < x \\le 3}').status).toBe('correct');
    expect(verify({ type: 'math', answer: '1 < x \\le 3', inequality_interval: 'one_way' }, '\\boxed{(1, 3]}').status).toBe('correct');
    expect(verify({ type: 'math', answer: '(1, 3]', inequality_interval: 'one_way' }, '\\boxed{1 < x \\le 3}')).toMatchInlineSnapshot(`
      {
        "answer": "1 < x \\le 3",
        "details": {
          "extraction": "boxed",
          "reason": "inequality_for_interval",
        },
        "score": 0,
        "status": "incorrect",
      }
    `);
    const twoGolds: MathTask = { type: 'math', answer: ['(1, 3]', '1 < x \\le 3'], inequality_interval: 'one_way' };
    expect(verify(twoGolds, '\\boxed{1 < x \\le 3}').status).toBe('correct');
  });

  it('reads a number with a degree mark as radians too, unless angle_units is as_written', () => {
    expect(verify({ type: 'math', answer: '60^\\circ' }, '\\boxed{\\frac{\\pi}{3}}').status).toBe('correct');
    expect(verify({ type: 'math', answer: '\\frac{\\pi}{3}' }, '\\boxed{60^\\circ}').status).toBe('correct');
    expect(verify({ type: 'math', answer: '\\frac{\\pi}{3}' }, '\\boxed{60}').status).toBe('incorrect');
    expect(verify({ type: 'math', answer: '60^\\circ', angle_units: 'as_written' }, '\\boxed{\\frac{\\pi}{3}}').status).toBe('incorrect');
    expect(verify({ type: 'math', answer: '60^\\circ', angle_units: 'as_written' }, '\\boxed{60}').status).toBe('correct');
  });

  it('reads a base-less log either way by default, the same way on both sides, or as the task says', () => {
    expect(verify({ type: 'math', answer: '2' }, '\\boxed{\\log 100}').status).toBe('correct');
    expect(verify({ type: 'math', answer: '\\ln 2' }, '\\boxed{\\log 2}').status).toBe('correct');
    expect(verify({ type: 'math', answer: '\\ln 2' }, '\\boxed{\\log_{10} 2}').status).toBe('incorrect');
    expect(verify({ type: 'math', answer: '2', log_base: 'e' }, '\\boxed{\\log 100}').status).toBe('incorrect');
    expect(verify({ type: 'math', answer: '\\ln 2', log_base: '10' }, '\\boxed{\\log 2}').status).toBe('incorrect');
  });
});

