/**
 * bench/resource-bounds — issue #8.4: one `arbiter worker` process grades --completions completions (default
 * 100,000; distinct groups of 16, so nothing is served from the content-addressed cache) from the Redis
 * queue — text groups, plus one JavaScript and one Python code group in every 50 — while this script samples
 * the worker's resident memory, its open file descriptors and its child processes (sandbox runners and
 * jails). Leaks of isolates, jails, listeners or Redis connections show as growth between the first and the
 * last quarter.
 *
 *   npx tsx bench/resource-bounds.ts            # --completions N --batch GROUPS (per request)
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Group } from '../src/core/schemas/request.ts';
import { waitForJob } from '../src/grading/jobs.ts';
import { createQueueJobs } from '../src/queue/queue-jobs.ts';
import { processTable } from '../test-fixtures/os/process-tree.ts';
import { makeTextBatch } from './make-text-batch.ts';

const { values } = parseArgs({ options: { completions: { type: 'string', default: '100000' }, batch: { type: 'string', default: '125' } } });
const SIZE = 16;
const totalGroups = Math.ceil(Number(values.completions) / SIZE);
const batch = Number(values.batch);
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefix = `arbiter-bench-${randomUUID()}`;

function codeGroup(language: 'javascript' | 'python', n: number): Group {
  const program =
    language === 'javascript'
      ? `\`\`\`js\nfunction add(a, b) { return a + b + ${n % 2}; } // ${n}\n\`\`\``
      : `\`\`\`python\ndef add(a, b):\n    return a + b + ${n % 2}  # ${n}\n\`\`\``;
  return {
    task: { type: 'code', language, entry_point: 'add', tests: [{ args: [1, 2], expected: 3 }, { args: [5, 5], expected: 10 }] },
    completions: Array.from({ length: SIZE }, (_, i) => `<think>add</think>\n${program.replace(`// ${n}`, `// ${n}.${i}`).replace(`# ${n}`, `# ${n}.${i}`)}`),
  };
}

/** The g-th group: distinct content everywhere (the seed moves with g). */
function groupAt(g: number): Group {
  if (g % 50 === 0) return codeGroup('javascript', g);
  if (g % 50 === 25) return codeGroup('python', g);
  const [group] = makeTextBatch(1, SIZE, g + 1);
  return { ...(group as Group), id: `g${g}` };
}

interface Sample {
  completions: number;
  rssMb: number;
  fds: number;
  children: number;
}

function sample(pid: number, completions: number): Sample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const fds = readdirSync(`/proc/${pid}/fd`).length;
  const children = processTable().filter((row) => row.ppid === pid).length;
  return { completions, rssMb: Math.round(rssKb / 1024), fds, children };
}

const worker = spawn(process.execPath, ['bin/arbiter.js', 'worker'], {
  env: { ...process.env, REDIS_URL: redisUrl, ARBITER_QUEUE_PREFIX: prefix, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const jobs = createQueueJobs({ redisUrl, prefix, ttlMs: 60_000 });
const samples: Sample[] = [];
const started = performance.now();
try {
  let done = 0;
  let errors = 0;
  for (let first = 0; first < totalGroups; first += batch) {
    const groups = Array.from({ length: Math.min(batch, totalGroups - first) }, (_, k) => groupAt(first + k));
    const { id } = await jobs.submit({ groups, rewards: { accuracy: 1, format: 1 } }, null);
    const view = await waitForJob(jobs, id, null, 600_000);
    if (view?.status !== 'completed') throw new Error(`job ${id} ended ${view?.status ?? 'missing'}: ${JSON.stringify(view?.error)}`);
    for (const group of view.result?.groups ?? []) errors += group.results.filter((r) => r.status === 'error').length;
    done += groups.length * SIZE;
    if (worker.pid !== undefined) samples.push(sample(worker.pid, done));
  }
  const seconds = (performance.now() - started) / 1000;
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const head = samples.slice(0, quarter);
  const tail = samples.slice(-quarter);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  console.log(`graded ${done} completions in one worker process in ${seconds.toFixed(1)} s (${Math.round(done / seconds)}/s); status error: ${errors}`);
  for (const at of [0, quarter, 2 * quarter, 3 * quarter, samples.length - 1]) {
    const s = samples[at] as Sample;
    console.log(`  after ${String(s.completions).padStart(7)}: RSS ${String(s.rssMb).padStart(4)} MB  fds ${String(s.fds).padStart(4)}  child processes ${s.children}`);
  }
  const rssGrowth = median(tail.map((s) => s.rssMb)) - median(head.map((s) => s.rssMb));
  const fdGrowth = median(tail.map((s) => s.fds)) - median(head.map((s) => s.fds));
  console.log(`first quarter → last quarter (medians): RSS ${rssGrowth >= 0 ? '+' : ''}${rssGrowth} MB, fds ${fdGrowth >= 0 ? '+' : ''}${fdGrowth}, child processes max ${Math.max(...samples.map((s) => s.children))}`);
} finally {
  await jobs.close();
  worker.kill('SIGTERM');
  await new Promise((resolve) => worker.once('exit', resolve));
}
