import { describe, expect, it } from 'vitest';
import { normalizeCompletion } from '../core/schemas/completion.ts';
import { VERIFIERS, notInstalled, verifyTask } from './registry.ts';

const completion = normalizeCompletion('<think>2+2</think><answer>4</answer>');

describe('verifyTask', () => {
  it('dispatches text tasks to the text verifier', () => {
    expect(verifyTask({ type: 'text', answer: '4' }, completion)).toMatchObject({ status: 'correct', score: 1, answer: '4' });
  });

  it('verifies math with the math verifier', () => {
    expect(verifyTask({ type: 'math', answer: '4' }, completion)).toMatchObject({ status: 'correct', score: 1, answer: '4' });
    expect(verifyTask({ type: 'math', answer: '5' }, completion)).toMatchObject({ status: 'incorrect', score: 0, answer: '4' });
  });

  it('answers unsupported_task for code called synchronously: code is verified asynchronously by the pipeline', () => {
    const task = { type: 'code', language: 'python', tests: [{ input: '', output: '4' }] } as const;
    expect(verifyTask({ ...task, tests: [...task.tests] }, completion)).toMatchObject({ status: 'unsupported_task', score: null });
  });

  it('has a verifier for every task type', () => {
    expect(Object.keys(VERIFIERS).sort()).toEqual(['code', 'math', 'text']);
  });
});

describe('notInstalled', () => {
  it('builds a verifier that gives every completion the same unsupported verdict', () => {
    const verifier = notInstalled('not yet');
    expect(verifier({ type: 'math', answer: '1' }, completion)).toEqual({ status: 'unsupported_task', score: null, answer: null, details: { reason: 'not yet' } });
  });
});
