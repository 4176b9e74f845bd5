/**
 * bench/code-python — issue #5's bar: completions/s through the Python sandbox (warm jails, one job
 * per completion, 10 tests each, correct solutions) for a function-call problem (bar ≥ 120/s) and a
 * stdio problem (bar ≥ 80/s), against bare `/usr/bin/python3 -I -S` processes doing the same work
 * unjailed (one process per completion running its 10 tests in-process: no jail, no fork per test,
 * no isolation), at the same concurrency. Medians of --runs rounds. CPU is counted over this
 * process's whole process tree (live warm jails included), so it does not depend on machine load.
 *
 *   npx tsx bench/code-python.ts            # --completions N --runs N --concurrency N to change
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { createPythonSandbox, type TestInput } from '../sandboxes/python/index.ts';
import { descendantsOf } from '../test-fixtures/os/process-tree.ts';

const { values } = parseArgs({
  options: {
    completions: { type: 'string', default: '300' },
    runs: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: String(availableParallelism()) },
  },
});
const completions = Number(values.completions);
const runs = Number(values.runs);
const concurrency = Number(values.concurrency);
const limits = { timeLimitMs: 2000, memoryLimitMb: 256 };

const CALL_PROGRAM = 'def two_sum(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n        if target - n in seen:\n            return [seen[target - n], i]\n        seen[n] = i\n    return []\n';
const STDIO_PROGRAM = 'import sys\n\ndata = sys.stdin.read().split()\nn = int(data[0])\nprint(sum(int(x) for x in data[1:n + 1]))\n';
const CALL_TESTS: TestInput[] = Array.from({ length: 10 }, (_, i) => ({ kind: 'call', fn: 'two_sum', argsJson: JSON.stringify([[1, 5, 9, i + 20, 7], i + 27]) }));
const STDIO_TESTS: TestInput[] = Array.from({ length: 10 }, (_, i) => ({ kind: 'stdio', stdin: `5\n${i} 2 3 4 5\n` }));

// The unjailed baseline: the same program and tests, run in one bare interpreter per completion.
const BARE_RUNNER = `
import io, json, sys
job = json.loads(sys.stdin.read())
out = []
for test in job['tests']:
    g = {'__name__': '__main__' if test['kind'] == 'stdio' else 'solution'}
    if test['kind'] == 'stdio':
        sys.stdin, sys.stdout = io.StringIO(test['stdin']), io.StringIO()
        exec(job['program'], g)
        out.append(sys.stdout.getvalue())
        sys.stdout = sys.__stdout__
    else:
        exec(job['program'], g)
        out.append(json.dumps(g[test['fn']](*json.loads(test['argsJson'])), allow_nan=False))
sys.__stdout__.write(json.dumps(out))
`;

function runBare(program: string, tests: readonly TestInput[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', ['-I', '-S', '-c', BARE_RUNNER], { env: {}, stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`bare python exited ${code}`))));
    child.stdin.end(JSON.stringify({ program, tests }));
  });
}

/**
 * CPU seconds of this process and every live descendant (warm jails and their harnesses), each with
 * its reaped children (test processes, bare interpreters): the load-independent cost of the work.
 */
function cpuSeconds(): number {
  return descendantsOf(process.pid).reduce((ticks, row) => ticks + row.cpuTicks, 0) / 100;
}

interface Rate {
  perSecond: number;
  cpuMsPerCompletion: number;
}

async function pooled(count: number, task: () => Promise<void>): Promise<Rate> {
  let next = 0;
  const started = performance.now();
  const cpuStarted = cpuSeconds();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        await task();
      }
    }),
  );
  return { perSecond: count / ((performance.now() - started) / 1000), cpuMsPerCompletion: ((cpuSeconds() - cpuStarted) * 1000) / count };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const sandbox = createPythonSandbox({ concurrency });
for (const [name, program, tests, bar] of [
  ['function-call, 10 tests', CALL_PROGRAM, CALL_TESTS, 120],
  ['stdio, 10 tests', STDIO_PROGRAM, STDIO_TESTS, 80],
] as const) {
  const check = await sandbox.run(program, tests, limits);
  if (!check.every((o) => o.status === 'ok')) throw new Error(`${name}: solution did not pass: ${JSON.stringify(check)}`);
  const jailed: Rate[] = [];
  const bare: Rate[] = [];
  for (let round = 0; round < runs; round += 1) {
    jailed.push(await pooled(completions, async () => void (await sandbox.run(program, tests, limits))));
    bare.push(await pooled(completions, () => runBare(program, tests)));
  }
  const j = median(jailed.map((r) => r.perSecond));
  const b = median(bare.map((r) => r.perSecond));
  const jCpu = median(jailed.map((r) => r.cpuMsPerCompletion));
  const bCpu = median(bare.map((r) => r.cpuMsPerCompletion));
  console.log(
    `${name.padEnd(24)} jail ${j.toFixed(1).padStart(6)}/s (bar ${bar}/s: ${j >= bar ? 'met' : 'MISSED'})   bare python3 -I -S ${b.toFixed(1).padStart(6)}/s   jail/bare ${(j / b).toFixed(2)}\n` +
      `${''.padEnd(24)} CPU per completion: jail ${jCpu.toFixed(1)} ms, bare ${bCpu.toFixed(1)} ms (jail/bare ${(jCpu / bCpu).toFixed(2)}); ` +
      `CPU-bound ceiling on ${availableParallelism()} cores: jail ${((availableParallelism() * 1000) / jCpu).toFixed(0)}/s`,
  );
}
await sandbox.close();
