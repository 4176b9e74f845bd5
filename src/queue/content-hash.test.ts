import { describe, expect, it } from 'vitest';
import { canonicalJson, groupJobId } from './content-hash.ts';

describe('group job ids', () => {
  it('writes objects with sorted keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }, 'x'] })).toBe('{"a":[{"c":3,"d":2},"x"],"b":1}');
  });

  it('gives equal work the same id whatever the key order, and different settings different ids', () => {
    const a = groupJobId({ v: 1, group: { id: 'q', task: { type: 'text', answer: 'B' }, completions: ['B'] }, advantage: { preset: 'trl', scale: 'batch' } });
    const b = groupJobId({ advantage: { scale: 'batch', preset: 'trl' }, group: { completions: ['B'], task: { answer: 'B', type: 'text' }, id: 'q' }, v: 1 });
    const c = groupJobId({ v: 1, group: { id: 'q', task: { type: 'text', answer: 'B' }, completions: ['B'] }, advantage: { preset: 'verl', scale: 'batch' } });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a).toMatch(/^g-[0-9a-f]{64}$/);
  });
});
