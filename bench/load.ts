/**
 * bench/load — issue #8.1: soak and overload through the HTTP API, with autocannon as the load generator
 * (loopback only, bounded in time). A local cluster as docker-compose runs it (own redis-server with the
 * append-only file, the API, `--workers` worker processes) takes one group of `--size` completions per
 * POST /v1/grade, of each task type — math, text, JavaScript, Python — at the same steady rate.
 *
 * 1. Calibration (unless `--rate`): steps of `--step` seconds at rising rates until a step has an error
 *    that falls behind (under 97 % of the offered rate) or has a p95 over 1 s; the sustainable rate is 70 %
 *    of the last good step (whole groups/s per task type): the rate the cluster keeps with room to spare.
 * 2. Soak: the sustainable rate for `--soak` seconds. Throughput, p50/p95/p99 per task type, errors,
 *    worker RSS every 30 s. Bar: 0 errors, 0 lost (every request answered 200 with every result), flat
 *    memory.
 * 3. Overload: twice the rate for `--overload` seconds, with load shedding at ARBITER_MAX_QUEUED_GROUPS
 *    (`--max-queued`, default: the groups of one second at the sustainable rate). Bar: only
 *    200, 429 or 503, every refusal with Retry-After, no timeouts; p99 of accepted requests ≤ 3× the soak's.
 * 4. Recovery: the sustainable rate again for `--recovery` seconds, then 10 s more. Bar: those 10 s only 200.
 *
 *   npm run bench:load                          # calibrate, then --soak 600 --overload 120 --recovery 60
 *   npm run bench:load -- --rate 1 --soak 60    # a short run at a given rate (groups/s per task type)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startLocalCluster, type LocalCluster } from '../test-fixtures/chaos/local-cluster.ts';
import { descendantsOf, isJail } from '../test-fixtures/os/process-tree.ts';
import { mixedGroup, TASK_KINDS, type TaskKind } from '../test-fixtures/workload/mixed-groups.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string' },
    soak: { type: 'string', default: '600' },
    overload: { type: 'string', default: '120' },
    recovery: { type: 'string', default: '60' },
    step: { type: 'string', default: '12' },
    size: { type: 'string', default: '8' },
    workers: { type: 'string', default: '2' },
    threads: { type: 'string', default: '1' },
    'max-queued': { type: 'string' },
  },
});
const size = Number(values.size);
/** Calibration steps, groups/s per task type (autocannon's rates are whole requests per second). */
const RATES = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20];

interface KindFigures {
  sent: number;
  /** Responses by status. */
  statuses: Record<number, number>;
  /** Latencies of 200 answers, ms. */
  okMs: number[];
  /** Connection errors and timeouts (autocannon's). */
  errors: number;
  timeouts: number;
  /** 429/503 answers without Retry-After. */
  noRetryAfter: number;
  /** 200 answers without one result per completion. */
  incomplete: number;
}

interface PhaseFigures {
  readonly name: string;
  readonly ratePerKind: number;
  readonly seconds: number;
  readonly kinds: Record<TaskKind, KindFigures>;
}

const percentile = (xs: readonly number[], p: number) => (xs.length === 0 ? NaN : ([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] as number));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const all = (phase: PhaseFigures) => Object.values(phase.kinds);
const okLatencies = (phase: PhaseFigures) => all(phase).flatMap((k) => k.okMs);
const count = (phase: PhaseFigures, pick: (k: KindFigures) => number) => sum(all(phase).map(pick));
const non200 = (k: KindFigures) => sum(Object.entries(k.statuses).filter(([s]) => s !== '200').map(([, n]) => n));

let tag = 0;

/** One phase: four autocannon instances, one per task type, each at `ratePerKind` requests/s. */
async function phase(url: string, name: string, ratePerKind: number, seconds: number): Promise<PhaseFigures> {
  const run = `${name}-${Date.now().toString(36)}-${tag++}`;
  const kinds = {} as Record<TaskKind, KindFigures>;
  await Promise.all(
    TASK_KINDS.map(
      (kind) =>
        new Promise<void>((resolve, reject) => {
          const figures: KindFigures = { sent: 0, statuses: {}, okMs: [], errors: 0, timeouts: 0, noRetryAfter: 0, incomplete: 0 };
          kinds[kind] = figures;
          let n = 0;
          const instance = autocannon(
            {
              url,
              // autocannon opens at most `overallRate` connections, each sending one request per second after
              // its previous answer: the rate holds while answers take under a second.
              connections: ratePerKind,
              overallRate: ratePerKind,
              duration: seconds,
              timeout: 30,
              requests: [
                {
                  method: 'POST',
                  path: '/v1/grade',
                  headers: { 'content-type': 'application/json' },
                  setupRequest: (request) => ({ ...request, body: JSON.stringify({ groups: [mixedGroup(kind, `${run}-${n++}`, size)] }) }),
                  onResponse: (status, body, _context, headers) => {
                    if (status === 200) {
                      const results = (JSON.parse(body) as { groups?: { results?: unknown[] }[] }).groups?.[0]?.results;
                      if (results?.length !== size) figures.incomplete++;
                    } else if ((status === 429 || status === 503) && !Object.keys(headers).some((h) => h.toLowerCase() === 'retry-after')) {
                      figures.noRetryAfter++;
                    }
                  },
                },
              ],
            },
            (error, result) => {
              if (error !== null) return reject(error);
              figures.sent = result.requests.sent;
              figures.errors = result.errors;
              figures.timeouts = result.timeouts;
              resolve();
            },
          );
          instance.on('response', (_client, status, _bytes, ms) => {
            figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
            if (status === 200) figures.okMs.push(ms);
          });
        }),
    ),
  );
  return { name, ratePerKind, seconds, kinds };
}

function describePhase(p: PhaseFigures): string {
  const lines = [`${p.name}: ${p.ratePerKind} groups/s per task type × 4 types, ${p.seconds} s, ${size} completions per group`];
  for (const kind of TASK_KINDS) {
    const k = p.kinds[kind];
    const statuses = Object.entries(k.statuses).map(([s, c]) => `${s}×${c}`).join(' ');
    lines.push(
      `  ${kind.padEnd(10)} ${(k.okMs.length / p.seconds).toFixed(2).padStart(6)} graded groups/s  p50 ${percentile(k.okMs, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(k.okMs, 95).toFixed(0).padStart(5)} ms  p99 ${percentile(k.okMs, 99).toFixed(0).padStart(5)} ms  [${statuses}] errors ${k.errors} timeouts ${k.timeouts}`,
    );
  }
  const ok = okLatencies(p);
  lines.push(`  all        ${(ok.length / p.seconds).toFixed(2).padStart(6)} graded groups/s  p50 ${percentile(ok, 50).toFixed(0).padStart(5)} ms  p95 ${percentile(ok, 95).toFixed(0).padStart(5)} ms  p99 ${percentile(ok, 99).toFixed(0).padStart(5)} ms`);
  return lines.join('\n');
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? NaN) / 1024;
}

function workerMemory(cluster: LocalCluster): { rssMb: number[]; jails: number } {
  const pids = cluster.workerPids();
  return { rssMb: pids.map(rssMb), jails: sum(pids.map((pid) => descendantsOf(pid).filter(isJail).length)) };
}

const cleanPhase = (p: PhaseFigures) => count(p, non200) === 0 && count(p, (k) => k.errors + k.timeouts + k.incomplete) === 0;

const cluster = await startLocalCluster({
  workers: Number(values.workers),
  appendfsync: 'everysec', // as docker/redis.conf
  env: { ARBITER_THREADS: values.threads, ARBITER_MAX_QUEUED_GROUPS: '0', ARBITER_GRADE_WAIT_MS: '60000' },
});
try {
  console.log(`cluster: API ${cluster.url}, ${values.workers} workers × ${values.threads} thread(s), Redis ${cluster.redis.url}`);
  console.log(describePhase(await phase(cluster.url, 'warm-up', 1, 10)));

  let lastGood = values.rate === undefined ? 0 : Number(values.rate);
  if (values.rate === undefined) {
    for (const rate of RATES) {
      const step = await phase(cluster.url, `calibration step`, rate, Number(values.step));
      console.log(describePhase(step));
      const behind = all(step).some((k) => k.okMs.length < 0.97 * rate * Number(values.step));
      if (!cleanPhase(step) || behind || percentile(okLatencies(step), 95) > 1_000) break;
      lastGood = rate;
    }
    if (lastGood === 0) throw new Error('no calibration step passed: the cluster cannot keep up with the lowest rate');
  }
  const sustainable = values.rate === undefined ? Math.max(1, Math.floor(lastGood * 0.7)) : lastGood;
  const maxQueued = values['max-queued'] === undefined ? Math.max(4, sustainable * TASK_KINDS.length) : Number(values['max-queued']);
  console.log(`\nsustainable rate: ${sustainable} groups/s per task type (${(sustainable * 4).toFixed(2)} in all); ARBITER_MAX_QUEUED_GROUPS=${maxQueued}`);
  await cluster.restartApi({ ARBITER_MAX_QUEUED_GROUPS: String(maxQueued) });

  const soakSeconds = Number(values.soak);
  const memory: { t: number; rssMb: number[]; jails: number }[] = [];
  const started = Date.now();
  memory.push({ t: 0, ...workerMemory(cluster) });
  const sampler = setInterval(() => memory.push({ t: Math.round((Date.now() - started) / 1000), ...workerMemory(cluster) }), 30_000);
  const soak = await phase(cluster.url, 'soak', sustainable, soakSeconds);
  clearInterval(sampler);
  memory.push({ t: Math.round((Date.now() - started) / 1000), ...workerMemory(cluster) });
  console.log(describePhase(soak));
  console.log(`  worker RSS (MB) over the soak: ${memory.map((m) => `${m.t}s ${m.rssMb.map((r) => r.toFixed(0)).join('/')}`).join(', ')}; jails ${memory.map((m) => m.jails).join(',')}`);

  const overload = await phase(cluster.url, 'overload (2×)', sustainable * 2, Number(values.overload));
  console.log(describePhase(overload));
  const recovery = await phase(cluster.url, 'recovery', sustainable, Number(values.recovery));
  console.log(describePhase(recovery));
  const recoveryTail = await phase(cluster.url, 'recovery (a further 10 s)', sustainable, 10);

  // ---- the bar ----
  const soakP99 = percentile(okLatencies(soak), 99);
  const overloadP99 = percentile(okLatencies(overload), 99);
  const first = memory[0]?.rssMb ?? [];
  const last = memory.at(-1)?.rssMb ?? [];
  const flat = first.every((mb, i) => (last[i] ?? Infinity) <= mb * 1.15 + 20);
  const shedOnly = all(overload).every((k) => Object.keys(k.statuses).every((s) => ['200', '429', '503'].includes(s)) && k.noRetryAfter === 0 && k.errors + k.timeouts + k.incomplete === 0);
  const shed = count(overload, (k) => (k.statuses[503] ?? 0) + (k.statuses[429] ?? 0));
  const checks: [string, boolean][] = [
    [`soak: 0 errors, 0 lost (${count(soak, (k) => k.okMs.length)} of ${count(soak, (k) => k.sent)} sent answered 200 with every result)`, cleanPhase(soak)],
    [`soak: worker RSS flat (start ${first.map((r) => r.toFixed(0)).join('/')} MB → end ${last.map((r) => r.toFixed(0)).join('/')} MB, ≤ +15 % + 20 MB)`, flat],
    [`2×: only 200/429/503, each refusal with Retry-After, no timeouts (${shed} shed, ${count(overload, (k) => k.okMs.length)} accepted)`, shedOnly],
    [`2×: p99 of accepted ${overloadP99.toFixed(0)} ms ≤ 3 × soak p99 ${soakP99.toFixed(0)} ms`, overloadP99 <= 3 * soakP99],
    [`recovered: only 200 in the 10 s after ${values.recovery} s back at the sustainable rate`, cleanPhase(recoveryTail)],
  ];
  console.log('');
  for (const [what, ok] of checks) console.log(`${ok ? 'met   ' : 'MISSED'} ${what}`);
  process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
} finally {
  await cluster.close();
}
