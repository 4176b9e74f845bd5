/**
 * Throughput of the JavaScript code verifier on this machine: completions/s for a function-call problem and a
 * stdio problem, 10 tests each, correct solutions, through verifyCode and the sandbox (one runner per core),
 * and the ratio to the bare isolated-vm cost of the same runs, measured in the same script.
 * Bar (issue 4): ≥ 500/s (call) and ≥ 300/s (stdio) on 2 cores.   Run: npx tsx bench/code-js.ts [completions]
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createJavaScriptSandbox } from '../sandboxes/javascript/supervisor.ts';
import { verifyCode } from '../src/verifiers/code/verify.ts';
import { normalizeCompletion } from '../src/core/schemas/completion.ts';
import type { CodeTask } from '../src/core/schemas/task.ts';

const completions = Number(process.argv[2] ?? 2000);
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

async function measure(task: CodeTask, program: string): Promise<number> {
  const sandbox = createJavaScriptSandbox({ processes: cores });
  const completion = normalizeCompletion(`<think>easy</think>\n\`\`\`js\n${program}\n\`\`\``);
  try {
    await Promise.all(Array.from({ length: cores * 20 }, () => verifyCode(task, completion, { sandbox }))); // start runners, warm the JIT
    const started = performance.now();
    const verdicts = await Promise.all(Array.from({ length: completions }, () => verifyCode(task, completion, { sandbox })));
    const seconds = (performance.now() - started) / 1000;
    const wrong = verdicts.filter((v) => v.status !== 'correct').length;
    if (wrong > 0) throw new Error(`${wrong} correct completions were not graded correct: ${JSON.stringify(verdicts.find((v) => v.status !== 'correct'))}`);
    return completions / seconds;
  } finally {
    await sandbox.close();
  }
}

// The bare cost runs in children too (isolated-vm needs --no-node-snapshot), one per core, like the sandbox.
async function bare(kind: 'call' | 'stdio', source: string, inputs: string[]): Promise<number> {
  const url = new URL('../sandboxes/javascript/bare-baseline.ts', import.meta.url);
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const rates = await Promise.all(
    Array.from({ length: cores }, () => {
      const child = fork(fileURLToPath(url), [], { execArgv: ['--no-node-snapshot', '--import', tsx] });
      return new Promise<number>((resolve, reject) => {
        child.once('message', (message: { perSecond: number }) => resolve(message.perSecond));
        child.once('error', reject);
        child.send({ kind, source, inputs, completions: Math.ceil(completions / cores) });
      });
    }),
  );
  return rates.reduce((a, b) => a + b, 0);
}

const callRate = await measure(callTask, callSolve);
const stdioRate = await measure(stdioTask, stdioSolve);
const callBare = await bare('call', callSolve, numbers.map((xs) => JSON.stringify([xs])));
const stdioBare = await bare('stdio', bareStdio, numbers.map((xs) => `${xs.join(' ')}\n`));

const row = (name: string, rate: number, bar: number, bareRate: number) =>
  `${name.padEnd(22)} ${rate.toFixed(0).padStart(6)}/s  bar ${bar}/s ${rate >= bar ? 'PASS' : 'FAIL'}   bare isolated-vm ${bareRate.toFixed(0).padStart(6)}/s   ratio ${(rate / bareRate).toFixed(2)}`;
console.log(`code-js: ${completions} completions × 10 tests, ${cores} runner(s)`);
console.log(row('function-call, 10 tests', callRate, 500, callBare));
console.log(row('stdio, 10 tests', stdioRate, 300, stdioBare));
