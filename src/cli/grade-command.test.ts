// End to end: the real `arbiter` CLI in a child process, on fixture files, writing into a temp dir.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => join(root, 'test-fixtures/cli', name);
const twelveGroups = fixture('twelve-groups.jsonl');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function arbiter(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { cwd: root, env: { ...process.env, ARBITER_THREADS: '1', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');
const ids = (jsonl: string) => lines(jsonl).map((l) => (JSON.parse(l) as { id: string }).id);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbiter-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('arbiter grade', () => {
  it('writes one result line per group in input order, with line-<N> ids for groups without one', async () => {
    const out = join(dir, 'order.jsonl');
    const run = await arbiter(['grade', twelveGroups, '-o', out, '--batch-size', '5']);
    expect(run.code).toBe(0);
    const written = await readFile(out, 'utf8');
    expect(ids(written)).toEqual(['square-0', 'square-1', 'square-2', 'square-3', 'line-5', 'square-5', 'square-6', 'square-7', 'square-8', 'line-10', 'square-10', 'square-11']);
    const first = JSON.parse(lines(written)[0] ?? '') as { results: { status: string; reward: number | null }[]; stats: { count: number } };
    expect(first.results.map((r) => r.status)).toEqual(['correct', 'incorrect', 'correct', 'no_answer', 'correct']);
    expect(first.stats.count).toBe(5);
    // The summary goes to stdout when the results go to a file.
    expect(run.stdout).toMatch(/^groups\s+12$/m);
    expect(run.stdout).toMatch(/^pass@4\s+1\.0000$/m);
    expect(run.stdout).toMatch(/^maj@n\s+/m);
    expect(run.stderr).toBe('');
  });

  it('writes results to stdout and the summary to stderr when there is no -o', async () => {
    const run = await arbiter(['grade', twelveGroups, '--k', '1,2']);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toHaveLength(12);
    expect(run.stderr).toMatch(/^pass@2\s+/m);
    expect(run.stderr).not.toMatch(/^pass@4/m);
  });

  it('reports bad lines with their numbers, grades the good ones, and exits 1', async () => {
    const out = join(dir, 'bad.jsonl');
    const summaryPath = join(dir, 'bad-summary.json');
    const run = await arbiter(['grade', fixture('bad-lines.jsonl'), '-o', out, '--quiet', '--summary-json', summaryPath]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(/^line 2: invalid JSON \(/),
      'line 4: completions[0]: expected string or object',
      'line 5: task: required',
      'line 7: colour: unknown field',
    ]);
    expect(ids(await readFile(out, 'utf8'))).toEqual(['first', 'second', 'line-8']);
    expect(run.stdout).toBe(''); // --quiet: no summary table
    expect(JSON.parse(await readFile(summaryPath, 'utf8'))).toMatchObject({ groups: 3, completions: 5, bad_lines: 4, statuses: { correct: 3, incorrect: 2 } });
  });

  it('gives byte-identical output on two runs, whatever the number of threads', async () => {
    const [a, b] = [join(dir, 'det-a.jsonl'), join(dir, 'det-b.jsonl')];
    const [runA, runB] = await Promise.all([
      arbiter(['grade', twelveGroups, '-o', a, '--batch-size', '4', '--weights', 'accuracy=1,format=0.5,language=1,repetition=1']),
      arbiter(['grade', twelveGroups, '-o', b, '--batch-size', '4', '--weights', 'accuracy=1,format=0.5,language=1,repetition=1', '--threads', '3']),
    ]);
    expect([runA.code, runB.code]).toEqual([0, 0]);
    expect(await readFile(b, 'utf8')).toBe(await readFile(a, 'utf8'));
  });

  it('resumes after a crash mid-write: skips graded groups, cuts the partial line, and ends with the uninterrupted file', async () => {
    const full = join(dir, 'full.jsonl');
    const fullKept = join(dir, 'full-kept.jsonl');
    const fullSummary = join(dir, 'full-summary.json');
    expect((await arbiter(['grade', twelveGroups, '-o', full, '--batch-size', '4', '--keep-correct', fullKept, '--summary-json', fullSummary])).code).toBe(0);
    const complete = await readFile(full, 'utf8');

    // A run that died while writing its 6th line.
    const resumed = join(dir, 'resumed.jsonl');
    const kept = join(dir, 'resumed-kept.jsonl');
    const summaryPath = join(dir, 'resumed-summary.json');
    const done = lines(complete);
    await writeFile(resumed, `${done.slice(0, 5).join('\n')}\n${done[5]?.slice(0, 40) ?? ''}`);

    const run = await arbiter(['grade', twelveGroups, '-o', resumed, '--batch-size', '4', '--resume', '--keep-correct', kept, '--summary-json', summaryPath]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^resume: cut a partial last line \(40 bytes\)/);
    expect(await readFile(resumed, 'utf8')).toBe(complete);
    expect(await readFile(kept, 'utf8')).toBe(await readFile(fullKept, 'utf8'));
    const volatile = { elapsed_ms: 0, completions_per_s: 0, resumed_groups: 0 };
    const before = JSON.parse(await readFile(fullSummary, 'utf8')) as object;
    const after = JSON.parse(await readFile(summaryPath, 'utf8')) as { resumed_groups: number };
    expect(after.resumed_groups).toBe(5);
    expect({ ...after, ...volatile }).toEqual({ ...before, ...volatile });

    // Nothing left to grade: a second resume changes nothing.
    expect((await arbiter(['grade', twelveGroups, '-o', resumed, '--resume', '--quiet'])).code).toBe(0);
    expect(await readFile(resumed, 'utf8')).toBe(complete);
  });

  it('keeps each correct completion with its prompt and answer for rejection sampling', async () => {
    const out = join(dir, 'keep.jsonl');
    const kept = join(dir, 'kept.jsonl');
    expect((await arbiter(['grade', twelveGroups, '-o', out, '--keep-correct', kept, '--quiet'])).code).toBe(0);
    const keptLines = lines(await readFile(kept, 'utf8')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const correct = lines(await readFile(out, 'utf8')).flatMap((l) => (JSON.parse(l) as { results: { status: string }[] }).results.filter((r) => r.status === 'correct'));
    expect(keptLines).toHaveLength(correct.length);
    expect(keptLines[0]).toEqual({ id: 'square-0', prompt: 'What is 0 squared?', completion: '<think>\n0 squared is 0.\n</think>\n<answer>\n0\n</answer>', answer: '0', reward: 2 });
    // An object completion is kept as its text.
    expect(keptLines.filter((k) => k['id'] === 'square-3').map((k) => k['completion'])).toContain('<think>\n3·3\n</think>\n<answer>\n9\n</answer>');
  });

  it('refuses a config file with an unknown key, naming it, before grading anything', async () => {
    const run = await arbiter(['grade', twelveGroups, '--config', fixture('config-unknown-key.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`arbiter: --config ${fixture('config-unknown-key.json')}: batch_sise: unknown field\n`);
    expect(run.stdout).toBe('');
  });

  it('lists every option in --help and prints the version', async () => {
    const help = await arbiter(['grade', '--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--output', '--config', '--rewards', '--weights', '--preset', '--scale', '--threads', '--timeout-ms', '--batch-size', '--resume', '--keep-correct', '--k', '--quiet', '--summary-json']) {
      expect(help.stdout).toContain(flag);
    }
    const top = await arbiter(['--help']);
    expect(top.stdout).toMatch(/grade \[options\] <in\.jsonl>/);
    expect(top.stdout).toMatch(/demo/);
    expect((await arbiter(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 with a usage message for an unknown preset', async () => {
    const run = await arbiter(['grade', twelveGroups, '--preset', 'grpo']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/argument 'grpo' is invalid/);
  });
});
