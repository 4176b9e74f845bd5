import { describe, expect, it } from 'vitest';
import { formatReward, openR1Format, pythonCount, tagCount, thinkFormat } from './format.ts';

describe('formatReward r1 (strict R1 template)', () => {
  it('gives 1 to one think block then one answer block, with only whitespace around and between', () => {
    expect(formatReward('<think>x</think><answer>4</answer>', 'r1')).toEqual({ value: 1, details: { mode: 'r1' } });
    expect(formatReward('\n <think>\nx\n</think>\n\n<answer> 4 </answer>\n', 'r1').value).toBe(1);
  });

  it('accepts empty bodies (the accuracy reward judges the answer)', () => {
    expect(formatReward('<think></think><answer></answer>', 'r1').value).toBe(1);
  });

  it('is the default mode', () => {
    expect(formatReward('<think>x</think><answer>4</answer>').details.mode).toBe('r1');
  });

  it.each([
    ['Sure! <think>x</think><answer>4</answer>', 'text_outside_tags'],
    ['<think>x</think> so <answer>4</answer>', 'text_outside_tags'],
    ['<think>x</think><answer>4</answer> done', 'text_outside_tags'],
    ['<think>x</think><think>y</think><answer>4</answer>', 'repeated_tag'],
    ['<think>x</think><answer>4</answer><answer>5</answer>', 'repeated_tag'],
    ['<think>x</think>4', 'missing_answer'],
    ['<answer>4</answer>', 'missing_think'],
    ['<think>x<answer>4</answer></think>', 'tags_out_of_order'],
    ['<answer>4</answer><think>x</think>', 'tags_out_of_order'],
  ])('gives 0 to %j (%s)', (text, reason) => {
    expect(formatReward(text, 'r1')).toEqual({ value: 0, details: { mode: 'r1', reason } });
  });
});

// The regex of open-r1's format_reward as JavaScript must write it: no `m` flag (JS `$` would then also
// match before "\r"), `(?=\n|$)` for Python's MULTILINE `$`, `[\s\S]` for DOTALL.
const OPEN_R1_REGEX = /^<think>\n[\s\S]*?\n<\/think>\n<answer>\n[\s\S]*?\n<\/answer>(?=\n|$)/;

describe('formatReward open_r1 (re.match with DOTALL | MULTILINE)', () => {
  const cases: [string, number][] = [
    ['<think>\nA\n</think>\n<answer>\nB\n</answer>', 1],
    ['<think>\nline1\nline2\n</think>\n<answer>\nB\n</answer>', 1],
    ['<think>\n\n</think>\n<answer>\n\n</answer>', 1],
    // Quirk: MULTILINE `$` matches before any "\n", so anything may follow "</answer>\n".
    ['<think>\nA\n</think>\n<answer>\nB\n</answer>\nAnd some trailing text', 1],
    // Quirk: the lazy body may contain another "</answer>" that is not followed by "\n" or the end.
    ['<think>\nA\n</think>\n<answer>\nB\n</answer>x\n</answer>', 1],
    ['<think>\nA\n</think>\n<answer>\nB\n</think>\n<answer>\nC\n</answer>', 1],
    // Python's `$` never matches before "\r", though JavaScript's /m would.
    ['<think>\nA\n</think>\n<answer>\nB\n</answer>\r\n', 0],
    ['<think>\nA\n</think>\n<answer>\nB\n</answer> ', 0],
    ['\n<think>\nA\n</think>\n<answer>\nB\n</answer>', 0],
    ['<think>\n</think>\n<answer>\nB\n</answer>', 0],
    ['<think>A</think>\n<answer>\nB\n</answer>', 0],
    ['<think>\nA\n</think> <answer>\nB\n</answer>', 0],
    ['<think>\nA\n</think>\n<answer>\nB</answer>', 0],
  ];

  it.each(cases)('scores %j as %d', (text, expected) => {
    expect(formatReward(text, 'open_r1').value).toBe(expected);
  });

  it('agrees with the translated regex on every case', () => {
    for (const [text] of cases) expect(openR1Format(text)).toBe(OPEN_R1_REGEX.test(text));
  });

  it('stays linear on 100 KB of repeated tags, where the lazy regex backtracks', () => {
    const text = '<think>\n' + '\n</think>\n<answer>\n'.repeat(5000) + 'x'.repeat(10_000);
    const start = performance.now();
    expect(openR1Format(text)).toBe(false);
    expect(performance.now() - start).toBeLessThan(50);
  });
});

describe('formatReward think (TRL think_format_reward)', () => {
  it.each([
    ['<think>a</think>anything at all', 1],
    ['<think></think>', 1],
    ['<think>a</think>', 1],
    ['<think>a\nb</think>\n<answer>x</answer>', 1],
    [' <think>a</think>', 0],
    ['a<think>b</think>', 0],
    ['<think>a<think>b</think>', 0],
    ['<think>a</think><think>b</think>', 0],
    ['<think>abc', 0],
  ])('scores %j as %d', (text, expected) => {
    expect(thinkFormat(text)).toBe(expected === 1);
    expect(formatReward(text, 'think')).toEqual({ value: expected, details: { mode: 'think' } });
  });
});

describe('formatReward tag_count (open-r1 tag_count_reward)', () => {
  it('gives 0.25 for each tag string that occurs exactly once', () => {
    expect(tagCount('<think>\na\n</think>\n<answer>\nb\n</answer>')).toBe(1);
    expect(tagCount('<think>\nx\n</think>\n')).toBe(0.5);
    expect(tagCount('<think>\nx')).toBe(0.25);
    expect(tagCount('plain text')).toBe(0);
    expect(formatReward('<think>\nx\n</think>\n<answer>4</answer>', 'tag_count')).toEqual({ value: 0.5, details: { mode: 'tag_count' } });
  });

  it('gives nothing for a tag string that occurs twice', () => {
    expect(tagCount('<think>\n<think>\na\n</think>\n<answer>\nb\n</answer>')).toBe(0.75);
  });

  it("counts like Python's str.count, without overlaps: a doubled </think> still counts once", () => {
    expect(pythonCount('\n</think>\n</think>\n', '\n</think>\n')).toBe(1);
    expect(tagCount('<think>\na\n</think>\n</think>\n<answer>\nb\n</answer>')).toBe(1);
  });

  it('needs the newlines: tags on one line count nothing', () => {
    expect(tagCount('<think>a</think><answer>b</answer>')).toBe(0);
  });
});
