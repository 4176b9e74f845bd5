import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadResumeState, truncatePartialLastLine } from './resume.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbiter-resume-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const result = (id: string, status: 'correct' | 'incorrect') =>
  JSON.stringify({
    id,
    results: [{ reward: 1, status, components: { accuracy: 1 }, advantage: 0, answer: 'A', details: {} }],
    stats: { count: 1, scorable: 1, mean: 1, std: null, pass_rate: 1, zero_variance: true },
  });

describe('resume', () => {
  it('cuts a partial last line and leaves a file that ends with a newline alone', async () => {
    const path = join(dir, 'out.jsonl');
    await writeFile(path, 'one\ntwo\nthr');
    expect(await truncatePartialLastLine(path)).toBe(3);
    expect(await readFile(path, 'utf8')).toBe('one\ntwo\n');
    expect(await truncatePartialLastLine(path)).toBe(0);
    await writeFile(path, 'no newline at all');
    expect(await truncatePartialLastLine(path)).toBe(17);
    expect(await readFile(path, 'utf8')).toBe('');
  });

  it('finds a newline far before the end of a long partial line', async () => {
    const path = join(dir, 'out.jsonl');
    await writeFile(path, `done\n${'x'.repeat(200_000)}`);
    expect(await truncatePartialLastLine(path)).toBe(200_000);
    expect(await readFile(path, 'utf8')).toBe('done\n');
  });

  it('collects the ids already graded, with their tallies and correct completions', async () => {
    const path = join(dir, 'out.jsonl');
    await writeFile(path, `${result('a', 'correct')}\n${result('b', 'incorrect')}\n${result('a', 'incorrect')}\n{"id":"c","res`);
    const { state, droppedBytes } = await loadResumeState(path);
    expect(droppedBytes).toBe(14);
    expect([...state.keys()]).toEqual(['a', 'b']);
    expect(state.get('a')?.map((g) => g.kept.length)).toEqual([1, 0]);
    expect(state.get('b')?.[0]?.tally).toMatchObject({ completions: 1, correct: 0 });
  });

  it('starts from nothing when the output does not exist yet', async () => {
    expect(await loadResumeState(join(dir, 'missing.jsonl'))).toEqual({ state: new Map(), droppedBytes: 0 });
  });

  it('refuses an output line that is not a group result', async () => {
    const path = join(dir, 'out.jsonl');
    await writeFile(path, `${result('a', 'correct')}\n{"id":"b"}\n`);
    await expect(loadResumeState(path)).rejects.toThrow(/cannot resume: .*out\.jsonl line 2 is not a group result \(results: required; stats: required\)/);
  });
});
