/**
 * bench/e2e — issue #6's bar, through the HTTP API on loopback, in one run:
 *
 * 1. Throughput: one request of 512 completions (32 groups of 16, half math, half text) by POST /v1/grade,
 *    against the same request graded by the in-process grader in a process of its own (the baseline,
 *    bench/e2e-baseline.ts, bundled like dist/ so that it runs the same code the servers run), in
 *    embedded mode (`arbiter serve`, no Redis) and in queue mode (`arbiter serve` with REDIS_URL and
 *    `--workers` `arbiter worker` processes). Bar: queue / baseline ≤ 1.25.
 *    Each mode also prints the CPU one request cost (user + system, all threads), by process and for Redis
 *    (INFO cpu, so on a shared Redis other clients count too): overhead, told apart from a busy machine.
 * 2. Latency: one 16-completion group per POST /v1/grade at a steady `--rate` groups/s for `--seconds`,
 *    open loop (each request leaves on schedule, whatever the others are doing), p50/p99 per mode.
 *    Bar: p99 < 100 ms at 50 groups/s for 60 s.
 *
 * Every request is new content (the queue reuses graded groups by content hash, which would flatter it).
 * The servers and workers are child processes; this process is the load generator.
 *
 *   npm run bench:e2e            # builds dist/; --runs 5 --rate 50 --seconds 60 --workers 2 --threads <cores>
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { bundleOptions } from '../scripts/bundle-options.mjs';
import { Redis } from 'ioredis';
import type { GradeRequest, Group } from '../src/core/schemas/request.ts';
import { seededRandom } from '../src/core/seeded-random.ts';
import { makeTextBatch } from './make-text-batch.ts';
import { MATH_ANSWERS } from '../test-fixtures/workload/mixed-groups.ts';
import { freePort } from '../test-fixtures/os/free-port.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    rate: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    workers: { type: 'string', default: '2' },
    threads: { type: 'string', default: String(availableParallelism()) },
    redis: { type: 'string', default: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379' },
  },
});
const runs = Number(values.runs);
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const workers = Number(values.workers);
const threads = Number(values.threads);
const GROUPS = 32;
const SIZE = 16;

// ---- data: half math, half text; `variant` makes every request new content ----

function mathGroup(id: string, g: number, random: () => number): Group {
  const [gold, said] = MATH_ANSWERS[g % MATH_ANSWERS.length] as (typeof MATH_ANSWERS)[number];
  return {
    id,
    task: { type: 'math', answer: gold },
    completions: Array.from({ length: SIZE }, (_, i) => {
      const answer = said[Math.floor(random() * said.length)] as string;
      const steps = Array.from({ length: 5 + Math.floor(random() * 40) }, (_, k) => `step ${k}: simplify`).join('\n');
      return i % 5 === 4 ? `${steps}\nSo the answer is $\\boxed{${answer}}$.` : `<think>\n${steps}\n</think>\n<answer>\n${answer}\n</answer>`;
    }),
  };
}

function batch(variant: string, groups: number): GradeRequest {
  const random = seededRandom(groups + variant.length);
  const text = makeTextBatch(groups, SIZE, 7);
  return {
    groups: Array.from({ length: groups }, (_, g) => (g % 2 === 0 ? mathGroup(`${variant}-${g}`, g, random) : { ...(text[g] as Group), id: `${variant}-${g}` })),
  };
}

// ---- processes ----

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const percentile = (xs: readonly number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] as number;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


function arbiter(command: 'serve' | 'worker', env: Record<string, string>): ChildProcess {
  // bin/arbiter.js runs dist/ when it is fresh (`npm run bench:e2e` builds it first), else the sources through tsx.
  const child = spawn(process.execPath, ['bin/arbiter.js', command], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', (code, signal) => code !== 0 && signal !== 'SIGTERM' && console.error(`arbiter ${command} exited: ${code ?? signal}`));
  return child;
}

async function stop(children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
    }),
  );
}

async function untilReady(url: string): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const status = await fetch(`${url}/readyz`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await sleep(100);
  }
  throw new Error(`${url} not ready within 60 s`);
}

// ---- measurements ----

async function grade(url: string, request: GradeRequest): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/v1/grade`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`POST /v1/grade: ${response.status} ${body.slice(0, 200)}`);
  return (performance.now() - started) / 1000;
}

/** CPU time (user + system, all threads) of a child process so far, ms; NaN where /proc is not there. */
function processCpuMs(child: ChildProcess): number {
  try {
    const fields = (readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100); // clock ticks (USER_HZ 100)
  } catch {
    return Number.NaN;
  }
}

/** CPU time of the Redis server so far, ms (INFO cpu: also what other clients of that Redis cost). */
async function redisCpuMs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const read = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? Number.NaN);
  return (read('used_cpu_user') + read('used_cpu_sys')) * 1000;
}

/** Median seconds of one 512-completion request, and the CPU each process spent per request (mean over the timed runs). */
async function throughput(url: string, mode: string, processes: Readonly<Record<string, ChildProcess>>, redis?: Redis): Promise<{ seconds: number; cpuMs: Record<string, number> }> {
  await grade(url, batch(`warm-${mode}-${randomUUID()}`, GROUPS)); // threads, sandboxes and JIT warm
  const requests = Array.from({ length: runs }, () => batch(`${mode}-${randomUUID()}`, GROUPS));
  const names = Object.keys(processes);
  const cpu = async () => [...names.map((name) => processCpuMs(processes[name] as ChildProcess)), ...(redis === undefined ? [] : [await redisCpuMs(redis)])];
  const before = await cpu();
  const times: number[] = [];
  for (const request of requests) times.push(await grade(url, request));
  const after = await cpu();
  const cpuMs = Object.fromEntries([...names, ...(redis === undefined ? [] : ['redis'])].map((name, i) => [name, ((after[i] as number) - (before[i] as number)) / runs]));
  return { seconds: median(times), cpuMs };
}

/** `12.3 ms (api 4.5, worker-1 3.9, …)`: the CPU one request cost, in all and by process. */
function cpuLine(cpuMs: Readonly<Record<string, number>>): string {
  const total = Object.values(cpuMs).reduce((sum, ms) => sum + ms, 0);
  return `${total.toFixed(0)} ms (${Object.entries(cpuMs).map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ')})`;
}

async function latency(url: string, mode: string): Promise<{ p50: number; p99: number; max: number; sent: number; failed: number }> {
  const total = Math.round(rate * seconds);
  const tag = `${mode}-${randomUUID()}`;
  const pool = batch(tag, 64);
  const latenciesMs: number[] = [];
  let failed = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const group = { ...(pool.groups[i % pool.groups.length] as Group), id: `${tag}-${i}` };
    inFlight.push(
      grade(url, { groups: [group] }).then(
        (s) => void latenciesMs.push(s * 1000),
        () => void failed++,
      ),
    );
  }
  await Promise.all(inFlight);
  return { p50: percentile(latenciesMs, 50), p99: percentile(latenciesMs, 99), max: Math.max(...latenciesMs), sent: total, failed };
}

/** The same requests graded by the in-process grader, in a child process running an esbuild bundle (bench/e2e-baseline.ts). */
async function baseline(): Promise<{ seconds: number; cpuMs: number }> {
  // Inside node_modules, so that the bundle's external imports (piscina, isolated-vm, …) resolve.
  const cache = join(process.cwd(), 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'arbiter-e2e-'));
  try {
    // The pool and the JavaScript sandbox load their scripts from beside the bundle, as in dist/.
    await build({ ...bundleOptions, entryPoints: ['bench/e2e-baseline.ts', 'src/grading/pool-worker.ts', 'sandboxes/javascript/runner.ts'], outdir: dir });
    const requests = Array.from({ length: runs + 1 }, (_, run) => batch(`baseline-${run}-${randomUUID()}`, GROUPS));
    writeFileSync(join(dir, 'requests.json'), JSON.stringify(requests));
    const out = execFileSync(process.execPath, [join(dir, 'e2e-baseline.js'), join(dir, 'requests.json'), String(threads)], { encoding: 'utf8' });
    const { seconds: times, cpuMs } = JSON.parse(out) as { seconds: number[]; cpuMs: number[] };
    return { seconds: median(times), cpuMs: cpuMs.reduce((sum, ms) => sum + ms, 0) / cpuMs.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function embeddedMode() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = arbiter('serve', { PORT: String(port), ARBITER_THREADS: String(threads) });
  try {
    await untilReady(url);
    return { throughput: await throughput(url, 'embedded', { api: server }), latency: await latency(url, 'embedded') };
  } finally {
    await stop([server]);
  }
}

async function queueMode() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const prefix = `arbiter-bench-${randomUUID()}`;
  const env = { REDIS_URL: values.redis, ARBITER_QUEUE_PREFIX: prefix };
  const workerThreads = String(Math.max(1, Math.floor(threads / workers)));
  const server = arbiter('serve', { ...env, PORT: String(port), ARBITER_THREADS: '1' });
  const workerProcesses = Array.from({ length: workers }, () => arbiter('worker', { ...env, ARBITER_THREADS: workerThreads }));
  const children = [server, ...workerProcesses];
  const redis = new Redis(values.redis);
  try {
    await untilReady(url);
    const processes = Object.fromEntries([['api', server], ...workerProcesses.map((worker, i) => [`worker-${i + 1}`, worker] as const)]);
    return { throughput: await throughput(url, 'queue', processes, redis), latency: await latency(url, 'queue') };
  } finally {
    await stop(children);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  }
}

const completions = GROUPS * SIZE;
console.log(`request: ${completions} completions (${GROUPS} groups of ${SIZE}, half math, half text); ${runs} runs, medians; ${threads} grading threads`);
const base = await baseline();
const baseS = base.seconds;
console.log(`in process (baseline):        ${baseS.toFixed(3)} s  ${Math.round(completions / baseS).toLocaleString('en')} completions/s  cpu/request ${base.cpuMs.toFixed(0)} ms`);
const embedded = await embeddedMode();
console.log(
  `HTTP, embedded:               ${embedded.throughput.seconds.toFixed(3)} s  ${Math.round(completions / embedded.throughput.seconds).toLocaleString('en')} completions/s  ratio ${(embedded.throughput.seconds / baseS).toFixed(2)}  cpu/request ${cpuLine(embedded.throughput.cpuMs)}`,
);
const queue = await queueMode();
const queueRatio = queue.throughput.seconds / baseS;
console.log(
  `HTTP + BullMQ + ${workers} workers:     ${queue.throughput.seconds.toFixed(3)} s  ${Math.round(completions / queue.throughput.seconds).toLocaleString('en')} completions/s  ratio ${queueRatio.toFixed(2)}  cpu/request ${cpuLine(queue.throughput.cpuMs)}`,
);
console.log(`bar queue / in process ≤ 1.25: ${queueRatio <= 1.25 ? 'met' : 'MISSED'}`);
for (const [mode, { latency: l }] of [['embedded', embedded], ['queue', queue]] as const) {
  console.log(`latency, one group of ${SIZE} at ${rate} groups/s for ${seconds} s, ${mode}: p50 ${l.p50.toFixed(1)} ms  p99 ${l.p99.toFixed(1)} ms  max ${l.max.toFixed(1)} ms  (${l.sent} sent, ${l.failed} failed)`);
}
console.log(`bar p99 < 100 ms (queue mode): ${queue.latency.p99 < 100 && queue.latency.failed === 0 ? 'met' : 'MISSED'}`);
