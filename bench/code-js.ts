/**
 * Throughput of the JavaScript code verifier on this machine: completions/s for a function-call problem and a
 * stdio problem, 10 tests each, correct solutions, through verifyCode and the sandbox (one runner per core),
 * and the ratio to the bare isolated-vm cost of the same runs, measured in the same script.
 * Bar (issue 4): ≥ 500/s (call) and ≥ 300/s (stdio) on 2 cores.
 *
 * The machine is shared and its load swings within seconds, so each round measures the sandbox and the bare cost
 * back to back, and the figures are medians over rounds (the ratio: the median of the per-round ratios).
 * `--distinct` makes every completion's program text different (as in training, where no two completions are
 * alike), so that nothing compiled for one completion is reused for the next, in the sandbox or the baseline.
 *
 * Run: npx tsx bench/code-js.ts [completions per round, default 2000] [rounds, default 3] [--distinct]
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createJavaScriptSandbox, type JavaScriptSandbox } from '../sandboxes/javascript/supervisor.ts';
import { verifyCode } from '../src/verifiers/code/verify.ts';
import { normalizeCompletion } from '../src/core/schemas/completion.ts';
import type { CodeTask } from '../src/core/schemas/task.ts';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const completions = Number(positional[0] ?? 2000);
const rounds = Number(positional[1] ?? 3);
const distinct = process.argv.includes('--distinct');
const cores = availableParallelism();
const numbers = Array.from({ length: 10 }, (_, i) => Array.from({ length: 20 }, (_, j) => (i * 31 + j * 17) % 97));

const callSolve = 'function solve(xs) { let best = -Infinity; for (const x of xs) if (x > best) best = x; return { max: best, sum: xs.reduce((a, b) => a + b, 0) }; }';
const callTask: CodeTask = {
  type: 'code',
  language: 'javascript',
  entry_point: 'solve',
  tests: numbers.map((xs) => ({ args: [xs], expected: { max: Math.max(...xs), sum: xs.reduce((a, b) => a + b, 0) } })),
};
const stdioSolve = "const xs = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(Math.max(...xs), xs.reduce((a, b) => a + b, 0));";
const stdioTask: CodeTask = {
  type: 'code',
  language: 'javascript',
  tests: numbers.map((xs) => ({ input: `${xs.join(' ')}\n`, output: `${Math.max(...xs)} ${xs.reduce((a, b) => a + b, 0)}\n` })),
};
const bareStdio = "const xs = input.trim().split(/\\s+/).map(Number);\nprint(Math.max(...xs) + ' ' + xs.reduce((a, b) => a + b, 0));";

// Completion i's program; with --distinct a comment makes its text unique.
const programOf = (program: string, i: number): string => (distinct ? `${program}\n// completion ${i}` : program);

async function measure(sandbox: JavaScriptSandbox, task: CodeTask, program: string, round: number): Promise<number> {
  const batch = Array.from({ length: completions }, (_, i) => normalizeCompletion(`<think>easy</think>\n\`\`\`js\n${programOf(program, round * completions + i)}\n\`\`\``));
  const started = performance.now();
  const verdicts = await Promise.all(batch.map((completion) => verifyCode(task, completion, { sandbox })));
  const seconds = (performance.now() - started) / 1000;
  const wrong = verdicts.filter((v) => v.status !== 'correct').length;
  if (wrong > 0) throw new Error(`${wrong} correct completions were not graded correct: ${JSON.stringify(verdicts.find((v) => v.status !== 'correct'))}`);
  return completions / seconds;
}

// The bare cost runs in children too (isolated-vm needs --no-node-snapshot), one per core, like the sandbox.
async function bare(kind: 'call' | 'stdio', source: string, inputs: string[]): Promise<number> {
  const url = new URL('./code-js-baseline.ts', import.meta.url);
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const rates = await Promise.all(
    Array.from({ length: cores }, () => {
      const child = fork(fileURLToPath(url), [], { execArgv: ['--no-node-snapshot', '--import', tsx] });
      return new Promise<number>((resolve, reject) => {
        child.once('message', (message: { perSecond: number }) => resolve(message.perSecond));
        child.once('error', reject);
        child.send({ kind, source, inputs, completions: Math.ceil(completions / cores), distinct });
      });
    }),
  );
  return rates.reduce((a, b) => a + b, 0);
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

interface Row {
  readonly rates: number[];
  readonly bares: number[];
}
const rows: Record<'call' | 'stdio', Row> = { call: { rates: [], bares: [] }, stdio: { rates: [], bares: [] } };

const sandbox = createJavaScriptSandbox({ processes: cores });
try {
  // Start the runners and warm the JIT on both kinds before anything is timed.
  const warm = (task: CodeTask, program: string) => Promise.all(Array.from({ length: cores * 20 }, () => verifyCode(task, normalizeCompletion(`\`\`\`js\n${program}\n\`\`\``), { sandbox })));
  await warm(callTask, callSolve);
  await warm(stdioTask, stdioSolve);
  for (let round = 0; round < rounds; round++) {
    rows.call.rates.push(await measure(sandbox, callTask, callSolve, round));
    rows.call.bares.push(await bare('call', callSolve, numbers.map((xs) => JSON.stringify([xs]))));
    rows.stdio.rates.push(await measure(sandbox, stdioTask, stdioSolve, round));
    rows.stdio.bares.push(await bare('stdio', bareStdio, numbers.map((xs) => `${xs.join(' ')}\n`)));
  }
} finally {
  await sandbox.close();
}

const line = (name: string, row: Row, bar: number) => {
  const rate = median(row.rates);
  const ratio = median(row.rates.map((r, i) => r / (row.bares[i] as number)));
  const rounds = row.rates.map((r, i) => `${r.toFixed(0)}/${(row.bares[i] as number).toFixed(0)}`).join(' ');
  return `${name.padEnd(24)} ${rate.toFixed(0).padStart(6)}/s  bar ${bar}/s ${rate >= bar ? 'PASS' : 'FAIL'}   bare isolated-vm ${median(row.bares).toFixed(0).padStart(6)}/s   ratio ${ratio.toFixed(2)}   rounds (sandbox/bare) ${rounds}`;
};
console.log(`code-js: ${completions} completions × 10 tests per round, ${rounds} rounds, ${cores} runner(s)${distinct ? ', distinct programs' : ''}; medians`);
console.log(line('function-call, 10 tests', rows.call, 500));
console.log(line('stdio, 10 tests', rows.stdio, 300));
