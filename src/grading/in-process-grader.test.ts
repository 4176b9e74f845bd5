import { afterEach, describe, expect, it } from 'vitest';
import type { GradeRequest } from '../core/schemas/request.ts';
import { createInProcessGrader } from './in-process-grader.ts';
import type { Grader } from './grader.ts';

const hangingWorker = new URL('../../test-fixtures/workers/hang-on-marker.ts', import.meta.url);
const task = { type: 'text', answer: 'Paris' } as const;
const good = '<think>The capital of France.</think> <answer>Paris</answer>';
const wrong = '<think>Hmm.</think> <answer>Lyon</answer>';

let grader: (Grader & { readonly threadsReplaced: number }) | undefined;
afterEach(async () => {
  await grader?.close();
  grader = undefined;
});

describe('in-process grader', () => {
  it('grades a batch: rewards, components, statuses, advantages and group stats', async () => {
    grader = createInProcessGrader({ threads: 2, completionTimeoutMs: 5_000 });
    const response = await grader.grade({ groups: [{ id: 'g1', task, completions: [good, wrong, 'Paris', wrong] }] });
    const group = response.groups[0];
    expect(group?.id).toBe('g1');
    expect(group?.results.map((r) => r.status)).toEqual(['correct', 'incorrect', 'correct', 'incorrect']);
    expect(group?.results.map((r) => r.reward)).toEqual([2, 1, 1, 1]);
    expect(group?.results[0]?.components).toEqual({ accuracy: 1, format: 1 });
    expect(group?.results[0]?.answer).toBe('Paris');
    expect(group?.stats).toMatchObject({ count: 4, scorable: 4, mean: 1.25, pass_rate: 0.5, zero_variance: false });
    // TRL group preset: (r − mean) / (std₁ + 1e-4), std₁ = 0.5
    expect(group?.results[0]?.advantage).toBeCloseTo(0.75 / 0.5001, 9);
    expect(response.advantage).toEqual({ preset: 'trl', estimator: 'grpo', scale: 'group', epsilon: 1e-4, std: 'sample' });
  });

  it('gives the same request byte-identical results', async () => {
    grader = createInProcessGrader({ threads: 2, completionTimeoutMs: 5_000 });
    const request: GradeRequest = {
      groups: Array.from({ length: 20 }, (_, g) => ({ id: `g${g}`, task, completions: [good, wrong, `${good} ${g}`, '', { text: wrong, finish_reason: 'length' as const, num_tokens: 9 }] })),
      rewards: { accuracy: 1, format: 1, language: 1, length: { mode: 'kimi' }, repetition: 1, cosine: 1, stop_properly: { coef: 0.5 } },
    };
    const first = JSON.stringify(await grader.grade(request));
    const second = JSON.stringify(await grader.grade(request));
    expect(second).toBe(first);
  });

  it('times out a hanging completion, replaces its thread, and grades the rest of the batch', async () => {
    grader = createInProcessGrader({ threads: 2, completionTimeoutMs: 300, workerUrl: hangingWorker });
    const started = Date.now();
    const response = await grader.grade({
      groups: [
        { task, completions: [good, 'HANG_FOREVER', wrong, good] },
        { task, completions: [wrong, good] },
      ],
    });
    // The hang is endless: finishing at all (well inside the 30 s test timeout, on a loaded 2-core CI
    // machine where threads boot slowly) is what shows the watchdog ended it.
    expect(Date.now() - started).toBeLessThan(20_000);
    const [first, second] = response.groups;
    expect(first?.results.map((r) => r.status)).toEqual(['correct', 'timeout', 'incorrect', 'correct']);
    expect(first?.results[1]).toMatchObject({ reward: null, advantage: 0, components: { accuracy: null, format: null } });
    expect(first?.results[1]?.details['reason']).toMatch(/longer than 300 ms/);
    expect(first?.stats).toMatchObject({ count: 4, scorable: 3 });
    expect(second?.results.map((r) => r.status)).toEqual(['incorrect', 'correct']);
    expect(grader.threadsReplaced).toBe(1);
    // The replacement thread keeps working.
    const after = await grader.grade({ groups: [{ task, completions: [good] }] });
    expect(after.groups[0]?.results[0]?.status).toBe('correct');
  });

  it('turns a thread that runs out of memory into an error verdict for that completion only', async () => {
    grader = createInProcessGrader({ threads: 1, completionTimeoutMs: 20_000, workerMemoryMb: 64, workerUrl: hangingWorker });
    const response = await grader.grade({ groups: [{ task, completions: [good, 'CRASH_THREAD', wrong] }] });
    const results = response.groups[0]?.results ?? [];
    expect(results.map((r) => r.status)).toEqual(['correct', 'error', 'incorrect']);
    expect(results[1]?.reward).toBeNull();
    expect(results[1]?.details['reason']).toMatch(/thread died/);
  });

  it('rejects an inconsistent reward configuration with the field named', async () => {
    grader = createInProcessGrader({ threads: 1, completionTimeoutMs: 5_000 });
    await expect(
      grader.grade({ groups: [{ task, completions: [good] }], rewards: { length: { max_length: 100, cache_length: 200 } } }),
    ).rejects.toMatchObject({ code: 'REWARDS_INVALID', status: 400 });
  });
});

describe('request checks the schema cannot express', () => {
  it('rejects an unknown target language with the group named', async () => {
    grader = createInProcessGrader({ threads: 1, completionTimeoutMs: 5_000 });
    await expect(
      grader.grade({ groups: [{ task, completions: [good] }, { task, completions: [good], target_language: 'klingon' }] }),
    ).rejects.toMatchObject({ code: 'REQUEST_INVALID', problems: [{ path: 'groups[1].target_language', message: 'unknown language or script "klingon"' }] });
  });
});

describe('code tasks', () => {
  it('grades JavaScript completions in the sandbox, with the other components alongside', async () => {
    grader = createInProcessGrader({ threads: 1, completionTimeoutMs: 5_000 });
    const codeTask = { type: 'code' as const, language: 'javascript' as const, tests: [{ call: 'add', args: [1, 2], expected: 3 }, { call: 'add', args: [-1, 1], expected: 0 }] };
    const right = '<think>\nsum\n</think>\n<answer>\n```js\nfunction add(a, b) { return a + b; }\n```\n</answer>';
    const wrong = '<think>\nsum\n</think>\n<answer>\n```js\nfunction add(a, b) { return a > 0 ? a + b : 7; }\n```\n</answer>';
    const response = await grader.grade({ groups: [{ task: codeTask, completions: [right, wrong, 'no code here'] }] });
    const results = response.groups[0]?.results ?? [];
    expect(results.map((r) => r.status)).toEqual(['correct', 'incorrect', 'no_code']);
    expect(results.map((r) => r.components)).toEqual([
      { accuracy: 1, format: 1 },
      { accuracy: 0.5, format: 1 },
      { accuracy: 0, format: 0 },
    ]);
  });
});

describe('python code tasks', () => {
  it('grades Python completions in the bubblewrap jail', async () => {
    grader = createInProcessGrader({ threads: 1, completionTimeoutMs: 5_000 });
    const codeTask = { type: 'code' as const, language: 'python' as const, tests: [{ input: '2 3\n', output: '5' }, { call: 'add', args: [1, 2], expected: 3 }] };
    const right = '```python\nimport sys\ndef add(a, b):\n    return a + b\nif __name__ == "__main__":\n    a, b = map(int, sys.stdin.read().split())\n    print(a + b)\n```';
    const wrong = '```python\ndef add(a, b):\n    return a - b\nprint(0)\n```';
    const response = await grader.grade({ groups: [{ task: codeTask, completions: [right, wrong, '```python\ndef (:\n```'] }], rewards: { accuracy: 1 } });
    const results = response.groups[0]?.results ?? [];
    expect(results.map((r) => r.status)).toEqual(['correct', 'incorrect', 'compile_error']);
    expect(results.map((r) => r.reward)).toEqual([1, 0, 0]);
  });
});
