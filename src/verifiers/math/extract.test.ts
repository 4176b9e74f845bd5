import { describe, expect, it } from 'vitest';
import { boxedAnswer, extractMathAnswer, lastBoxed } from './extract.ts';

describe('lastBoxed', () => {
  it('matches nested braces and takes the last box', () => {
    expect(lastBoxed('\\boxed{1} then \\boxed{\\frac{1}{2}}.')).toBe('\\frac{1}{2}');
    expect(lastBoxed('\\fbox{7}')).toBe('7');
  });

  it('reads a box without braces', () => {
    expect(lastBoxed('so \\boxed 5$.')).toBe('5');
  });

  it('falls back to the previous box when the last one is truncated', () => {
    expect(lastBoxed('\\boxed{3} and finally \\boxed{\\frac{1}{')).toBe('3');
  });
});

describe('extractMathAnswer', () => {
  it('grades only what follows </think>', () => {
    expect(extractMathAnswer('<think>\\boxed{5}</think>The answer is 4.')).toEqual({ answer: '4', source: 'marker' });
  });

  it('finds no answer while the completion is still thinking', () => {
    expect(extractMathAnswer('<think>the answer is 4')).toEqual({ answer: null, source: 'none' });
  });

  it('prefers a box inside the answer tag, reported as the answer tag', () => {
    expect(extractMathAnswer('<answer>so \\boxed{7}</answer>')).toEqual({ answer: '7', source: 'answer_tag' });
    expect(extractMathAnswer('<answer> 7 </answer>')).toEqual({ answer: '7', source: 'answer_tag' });
  });

  it('reads the Minerva "final answer is $…$" sentence', () => {
    expect(extractMathAnswer('Final Answer: The final answer is $\\frac{1}{2}$. I hope it is correct.')).toEqual({ answer: '\\frac{1}{2}', source: 'marker' });
  });

  it('reads "Answer:" on the next line', () => {
    expect(extractMathAnswer('Work.\nAnswer:\n12')).toEqual({ answer: '12', source: 'marker' });
  });

  it('reads GSM8K hashes', () => {
    expect(extractMathAnswer('48 + 24 = 72\n#### 72')).toEqual({ answer: '72', source: 'gsm8k' });
  });

  it('takes a short completion as the answer and gives up on a long unmarked one', () => {
    expect(extractMathAnswer(' 3/4 ')).toEqual({ answer: '3/4', source: 'bare' });
    expect(extractMathAnswer('I tried many things.\nNone worked, and 5 is not it.')).toEqual({ answer: null, source: 'none' });
  });
});

describe('boxedAnswer', () => {
  it('joins adjacent or "and"-separated boxes into one list', () => {
    expect(boxedAnswer('roots \\boxed{1} and \\boxed{2}.')).toBe('1, 2');
    expect(boxedAnswer('$\\boxed{1}$, $\\boxed{-1}$')).toBe('1, -1');
  });

  it('keeps only the last box when text stands between them', () => {
    expect(boxedAnswer('first \\boxed{1}, but on reflection it is \\boxed{2}')).toBe('2');
  });
});

describe('extractMathAnswer: bold answers and options', () => {
  it('reads a bold answer near the end, but not a bold heading', () => {
    expect(extractMathAnswer('Adding up, the total is **42**.')).toEqual({ answer: '42', source: 'bold' });
    expect(extractMathAnswer('Plan.\n**Step 1:** add the numbers, then carry on with the rest of the long computation')).toEqual({ answer: null, source: 'none' });
  });

  it('takes the last number only when asked', () => {
    const text = 'I multiplied six by seven and got 42, which I checked twice by adding forty-two ones.';
    expect(extractMathAnswer(text)).toEqual({ answer: null, source: 'none' });
    expect(extractMathAnswer(text, { lastNumber: true })).toEqual({ answer: '42', source: 'last_number' });
  });

  it('finds no answer without </think> when it is required', () => {
    expect(extractMathAnswer('\\boxed{4}', { requireThink: true })).toEqual({ answer: null, source: 'none' });
    expect(extractMathAnswer('<think>2+2</think>\\boxed{4}', { requireThink: true })).toEqual({ answer: '4', source: 'boxed' });
  });
});

