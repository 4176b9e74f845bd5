// End to end: `arbiter grade --url` in a child process against a live API started here (embedded mode,
// real port, real HTTP), compared with the in-process `arbiter grade` on the same input.
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestServer } from '../../test-fixtures/api/start-app.ts';
import type { Grader } from '../grading/grader.ts';
import { freePort } from '../../test-fixtures/os/free-port.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => join(root, 'test-fixtures/cli', name);
const twelveGroups = fixture('twelve-groups.jsonl');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of the child: ours without the client's variables, plus `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { ARBITER_URL: _url, ARBITER_API_KEY: _key, ...rest } = process.env;
  return { ...rest, ARBITER_THREADS: '1', ...env };
}

function arbiter(args: readonly string[], env: Record<string, string> = {}, started?: (child: ChildProcess) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { cwd: root, env: childEnv(env), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
    started?.(child);
  });
}

/**
 * Wraps the server's grader: counts the groups it grades, and holds every call past the first `free`
 * until `release()`. The embedded job service grades one group per call.
 */
function counting(inner: Grader, free = Infinity) {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const state = { calls: 0, groups: 0, release };
  const grader: Grader = {
    async grade(request, options) {
      state.calls += 1;
      state.groups += request.groups.length;
      if (state.calls > free) await released;
      return inner.grade(request, options);
    },
    close: () => inner.close(),
  };
  return { grader, state };
}

/** A port nothing listens on (it was free a moment ago). */

const lines = (text: string) => text.split('\n').filter((l) => l !== '');
const volatile = { elapsed_ms: 0, completions_per_s: 0, resumed_groups: 0 };

let dir: string;
let local: { output: string; kept: string; summary: object };
let server: TestServer | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arbiter-remote-'));
  const output = join(dir, 'local.jsonl');
  const kept = join(dir, 'local-kept.jsonl');
  const summary = join(dir, 'local-summary.json');
  const run = await arbiter(['grade', twelveGroups, '-o', output, '--batch-size', '4', '--keep-correct', kept, '--summary-json', summary]);
  expect(run.code).toBe(0);
  local = { output: await readFile(output, 'utf8'), kept: await readFile(kept, 'utf8'), summary: JSON.parse(await readFile(summary, 'utf8')) as object };
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Each test starts the CLI (through tsx) once or twice: allow for a loaded machine.
describe('arbiter grade --url', { timeout: 90_000 }, () => {
  it('writes the same output, kept completions and summary as the in-process run', async () => {
    server = await startApp();
    const [output, kept, summary] = [join(dir, 'same.jsonl'), join(dir, 'same-kept.jsonl'), join(dir, 'same-summary.json')];
    const run = await arbiter(['grade', twelveGroups, '-o', output, '--batch-size', '4', '--keep-correct', kept, '--summary-json', summary, '--url', server.url]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await readFile(output, 'utf8')).toBe(local.output);
    expect(await readFile(kept, 'utf8')).toBe(local.kept);
    expect({ ...(JSON.parse(await readFile(summary, 'utf8')) as object), ...volatile }).toEqual({ ...local.summary, ...volatile });
    expect(run.stdout).toMatch(/^groups\s+12$/m);
  });

  it('resumes after an interrupt: the rerun sends only the groups not yet written and ends with the uninterrupted file', async () => {
    let held: ReturnType<typeof counting> | undefined;
    server = await startApp({}, { wrapGrader: (g) => (held = counting(g, 8)).grader });
    const output = join(dir, 'resumed.jsonl');
    const kept = join(dir, 'resumed-kept.jsonl');
    const args = ['grade', twelveGroups, '-o', output, '--batch-size', '4', '--keep-correct', kept, '--url', server.url];

    // Two batches (8 groups) pass, the third is held by the server: interrupt the run once the first two are written.
    const interrupted = await arbiter(args, {}, (child) => {
      const poll = setInterval(() => {
        void readFile(output, 'utf8').then(
          (text) => {
            if (lines(text).length < 8) return;
            clearInterval(poll);
            child.kill('SIGINT');
          },
          () => {},
        );
      }, 50);
    });
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(/SIGINT: stopping; rerun with --resume to continue/);
    expect(lines(await readFile(output, 'utf8'))).toEqual(lines(local.output).slice(0, 8));

    held?.state.release();
    const groupsBefore = held?.state.groups ?? 0;
    const resumed = await arbiter([...args, '--resume', '--quiet']);
    expect(resumed.code).toBe(0);
    expect(await readFile(output, 'utf8')).toBe(local.output);
    expect(await readFile(kept, 'utf8')).toBe(local.kept);
    expect((held?.state.groups ?? 0) - groupsBefore).toBe(4);
  });

  it('reports bad lines as the in-process run does, and sends only the good ones', async () => {
    let count: ReturnType<typeof counting> | undefined;
    server = await startApp({}, { wrapGrader: (g) => (count = counting(g)).grader });
    const output = join(dir, 'bad.jsonl');
    const run = await arbiter(['grade', fixture('bad-lines.jsonl'), '-o', output, '--quiet', '--url', server.url]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(/^line 2: invalid JSON \(/),
      'line 4: completions[0]: expected string or object',
      'line 5: task: required',
      'line 7: colour: unknown field',
    ]);
    expect(lines(await readFile(output, 'utf8'))).toHaveLength(3);
    expect(count?.state.groups).toBe(3);
  });

  it('sends ARBITER_API_KEY, and stops with the server’s code and request id when the key is missing', async () => {
    server = await startApp({ ARBITER_API_KEYS: 'k-cli' });
    const output = join(dir, 'auth.jsonl');
    const refused = await arbiter(['grade', twelveGroups, '-o', output, '--quiet', '--url', server.url]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^arbiter: server: 401 AUTH_MISSING: .+ \(request [\w.:-]+\)\n$/);
    const accepted = await arbiter(['grade', twelveGroups, '-o', output, '--quiet', '--url', server.url], { ARBITER_API_KEY: 'k-cli' });
    expect(accepted.code).toBe(0);
    expect(lines(await readFile(output, 'utf8'))).toHaveLength(12);
  });

  it('refuses an unreachable server before touching the output, and a URL that is not http(s)', async () => {
    const output = join(dir, 'untouched.jsonl');
    await writeFile(output, 'earlier results\n');
    const closed = await freePort();
    const unreachable = await arbiter(['grade', twelveGroups, '-o', output, '--url', `http://127.0.0.1:${closed}`, '--max-retries', '0']);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(new RegExp(`^arbiter: --url: cannot reach Arbiter at http://127\\.0\\.0\\.1:${closed} \\(GET /healthz: .*ECONNREFUSED`));
    expect(await readFile(output, 'utf8')).toBe('earlier results\n');
    const malformed = await arbiter(['grade', twelveGroups, '--url', 'grader:8080']);
    expect([malformed.code, malformed.stderr]).toEqual([2, 'arbiter: --url: expected http(s)://host[:port][/prefix], got "grader:8080"\n']);
    const stray = await arbiter(['grade', twelveGroups, '--max-retries', '3']);
    expect([stray.code, stray.stderr]).toEqual([2, 'arbiter: --max-retries: only with --url\n']);
  });

  it('documents --url and --max-retries in --help', async () => {
    const help = await arbiter(['grade', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--url <url>');
    expect(help.stdout).toContain('--max-retries <n>');
    expect(help.stdout).toMatch(/Remote \(--url URL\)/);
  });
});
