import { describe, expect, it } from 'vitest';
import { normalizeCompletion } from '../core/schemas/completion.ts';
import type { TextTask } from '../core/schemas/task.ts';
import { verifyText } from './text.ts';
import { normalizeAnswer } from './text-normalize.ts';
import { extractSpan, markedAnswer } from './text-extract.ts';

const verify = (task: TextTask, text: string) => verifyText(task, normalizeCompletion(text));
const PARIS: TextTask = { type: 'text', answer: ['Paris', 'Paris, France'] };
const CAPITAL_OF_UK: TextTask = { type: 'text', answer: 'B', choices: ['Paris', 'London', 'Rome', 'Berlin'] };

describe('verifyText: exact match', () => {
  it('scores a matching <answer> body as correct and reports the answer', () => {
    expect(verify(PARIS, '<think>hmm</think><answer>Paris</answer>')).toEqual({
      status: 'correct',
      score: 1,
      answer: 'Paris',
      details: { extraction: 'answer_tag' },
    });
  });

  it('scores a different answer as incorrect', () => {
    expect(verify(PARIS, '<answer>London</answer>')).toEqual({ status: 'incorrect', score: 0, answer: 'London', details: { extraction: 'answer_tag' } });
  });

  it('accepts any of several accepted answers', () => {
    expect(verify(PARIS, 'paris,   france').status).toBe('correct');
  });

  it('takes the last answer block', () => {
    expect(verify(PARIS, '<answer>London</answer> no wait <answer>Paris</answer>').answer).toBe('Paris');
  });

  it('takes the text after the last </think> when there is no answer block', () => {
    expect(verify(PARIS, '<think>London?</think>\nParis')).toMatchObject({ status: 'correct', details: { extraction: 'after_think' } });
  });

  it('takes the whole completion when there are no tags', () => {
    expect(verify(PARIS, ' Paris ')).toMatchObject({ status: 'correct', details: { extraction: 'whole' } });
  });

  it.each(['PARIS', 'Ｐａｒｉｓ', '"Paris."', '“Paris”', '$\\text{Paris}$', '\\textbf{Paris}', '**Paris**', '(Paris)', '\\boxed{\\mathrm{Paris}}'])(
    'normalises %j to the accepted answer',
    (text) => {
      expect(verify(PARIS, text).status).toBe('correct');
    },
  );

  it('compares case-sensitively when the task says so', () => {
    const task: TextTask = { type: 'text', answer: 'NaCl', case_sensitive: true };
    expect(verify(task, 'NaCl').status).toBe('correct');
    expect(verify(task, 'nacl').status).toBe('incorrect');
    expect(verify(task, '$\\mathrm{NaCl}$').status).toBe('correct');
  });

  it.each([
    ['<answer>The answer is **Paris**.</answer>', 'Paris'],
    ['Let me think.\nThe capital of France is a city on the Seine.\nThe final answer is: Paris', 'Paris'],
    ['Long reasoning\nover lines\nAnswer:\nParis', 'Paris'],
    ['Many words and then the bold one, **Paris**, with a long sentence after it that keeps going on and on and on.', 'Paris'],
  ])('finds the marked answer in %j', (text, answer) => {
    expect(verify(PARIS, text)).toMatchObject({ status: 'correct', answer });
  });

  it('reports the last line of a long unmarked span', () => {
    expect(verify(PARIS, 'I considered many cities.\nIn the end I chose\nLondon')).toMatchObject({ status: 'incorrect', answer: 'London' });
  });

  it('gives no_answer with score 0 for an empty extraction', () => {
    expect(verify(PARIS, '<think>Paris</think><answer> \n </answer>')).toEqual({
      status: 'no_answer',
      score: 0,
      answer: null,
      details: { extraction: 'answer_tag' },
    });
    expect(verify(PARIS, '').status).toBe('no_answer');
  });

  it('gives invalid_reference with score null when every accepted answer normalises to empty', () => {
    expect(verify({ type: 'text', answer: [' ', '""', '$ $'] }, 'Paris')).toEqual({
      status: 'invalid_reference',
      score: null,
      answer: null,
      details: { extraction: 'whole', reason: 'every accepted answer is empty after normalisation' },
    });
  });

  it('ignores empty accepted answers next to a real one', () => {
    expect(verify({ type: 'text', answer: ['', 'Paris'] }, 'Paris').status).toBe('correct');
  });
});

describe('verifyText: multiple choice', () => {
  it.each(['B', '(B)', '\\text{B}', 'B)', 'B.', '**B**', 'Answer: B', 'The answer is (B)', 'b', '(b)', 'Option B', 'B) London', 'London', '<answer>B</answer>', '<think>A or B?</think>\nB'])(
    'accepts %j for answer B',
    (text) => {
      expect(verify(CAPITAL_OF_UK, text)).toMatchObject({ status: 'correct', score: 1, details: { choice: 'B' } });
    },
  );

  it('takes the final line of a long reasoning span', () => {
    expect(verify(CAPITAL_OF_UK, 'Rome is in Italy, Paris in France.\nSo the capital is London.\n\nB')).toMatchObject({ status: 'correct', answer: 'B' });
  });

  it('scores another letter as incorrect and reports the choice', () => {
    expect(verify(CAPITAL_OF_UK, 'A')).toEqual({ status: 'incorrect', score: 0, answer: 'A', details: { extraction: 'whole', choice: 'A' } });
  });

  it('scores a letter beyond the choices, or a sentence starting with "A", as incorrect', () => {
    expect(verify(CAPITAL_OF_UK, 'E')).toMatchObject({ status: 'incorrect', details: { extraction: 'whole' } });
    expect(verify(CAPITAL_OF_UK, 'A cat')).toMatchObject({ status: 'incorrect', answer: 'A cat' });
    expect(verify(CAPITAL_OF_UK, 'A) London').status).toBe('incorrect');
  });

  it('accepts the answer given as the option text in the task', () => {
    expect(verify({ ...CAPITAL_OF_UK, answer: 'London' }, 'B').status).toBe('correct');
    expect(verify({ ...CAPITAL_OF_UK, answer: ['B', 'D'] }, 'Berlin').status).toBe('correct');
  });

  it('gives invalid_reference for a reference letter outside the choices', () => {
    expect(verify({ ...CAPITAL_OF_UK, answer: 'E' }, 'B')).toEqual({
      status: 'invalid_reference',
      score: null,
      answer: null,
      details: { extraction: 'whole', reason: 'answer letter E is outside the 4 choices' },
    });
  });

  it('gives invalid_reference for a reference that names no choice', () => {
    expect(verify({ ...CAPITAL_OF_UK, answer: 'Madrid' }, 'B')).toMatchObject({ status: 'invalid_reference', score: null });
  });
});

describe('text extraction and normalisation', () => {
  it('returns the raw span and its source', () => {
    expect(extractSpan('<think>x</think> <answer> B </answer>')).toEqual({ span: ' B ', source: 'answer_tag' });
    expect(extractSpan('a</think>b</think>c')).toEqual({ span: 'c', source: 'after_think' });
    expect(extractSpan('</answer> only')).toEqual({ span: '</answer> only', source: 'whole' });
  });

  it('leaves a short unmarked span alone and marks nothing in it', () => {
    expect(markedAnswer('Paris')).toBeNull();
  });

  it('does not strip brackets that do not wrap the whole answer', () => {
    expect(normalizeAnswer('(a) and (b)', false)).toBe('(a) and (b)');
    expect(normalizeAnswer('((x))', false)).toBe('x');
  });

  it('collapses whitespace, applies NFKC and strips one trailing period per round', () => {
    expect(normalizeAnswer('  New\u00a0 York\n City. ', false)).toBe('new york city');
    expect(normalizeAnswer('ﬁne', false)).toBe('fine');
  });

  it('handles 100 KB completions in linear time', () => {
    const start = performance.now();
    verify(PARIS, 'the answer is '.repeat(5000) + '**'.repeat(10_000) + '('.repeat(20_000) + '\\text{'.repeat(5000));
    verify(CAPITAL_OF_UK, '<answer>' + ' '.repeat(100_000) + 'B</answer>');
    expect(performance.now() - start).toBeLessThan(200);
  });
});
