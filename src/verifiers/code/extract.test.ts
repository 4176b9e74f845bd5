import { describe, expect, it } from 'vitest';
import { extractProgram } from './extract.ts';

describe('extractProgram', () => {
  it('takes the last block tagged with the task language, by alias too', () => {
    const text = '```js\nfirst()\n```\nthen\n```javascript\nsecond()\n```\n```python\nthird()\n```';
    expect(extractProgram(text, 'javascript')).toEqual({ program: 'second()\n', source: 'fenced_language' });
    expect(extractProgram('```ts\nlet x: number = 1\n```', 'typescript')).toEqual({ program: 'let x: number = 1\n', source: 'fenced_language' });
    expect(extractProgram('```py\nprint(1)\n```', 'python')).toEqual({ program: 'print(1)\n', source: 'fenced_language' });
  });

  it('falls back to the last fenced block of any language', () => {
    expect(extractProgram('```\na()\n```\n```text\nb()\n```', 'javascript')).toEqual({ program: 'b()\n', source: 'fenced' });
  });

  it('falls back to the answer tag when there is no fenced block', () => {
    expect(extractProgram('<think>hmm</think><answer>\nfunction f() { return 1 }\n</answer>', 'javascript')).toEqual({
      program: 'function f() { return 1 }',
      source: 'answer_tag',
    });
  });

  it('does not count an unclosed fence of a truncated completion', () => {
    expect(extractProgram('```js\nfunction f() {', 'javascript')).toBeNull();
  });

  it('finds nothing in prose, empty blocks or an empty answer', () => {
    expect(extractProgram('I would write a loop.', 'javascript')).toBeNull();
    expect(extractProgram('```js\n\n```', 'javascript')).toBeNull();
    expect(extractProgram('<answer> </answer>', 'javascript')).toBeNull();
  });
});
