/**
 * bench/chaos — issue #8.2 at full length: a local cluster (own Redis with an append-only file, the API,
 * `--workers` worker processes) takes `--rate` jobs/s of math, text, JavaScript and Python groups for
 * `--seconds` while `--kills` workers are SIGKILLed at random moments, Redis is restarted `--redis` times
 * and the API `--api` times. Then every accepted job is compared with the same request graded in
 * process. Bar: 0 lost, 0 duplicated, 0 mismatched, clients see only retryable errors, across at least
 * 20 worker kills and 2 Redis restarts. Exits 1 when the bar is missed.
 *
 *   npm run bench:chaos            # --seconds 90 --rate 4 --kills 30 --redis 3 --api 2 --workers 2
 *   npm run bench:chaos -- --redis-signal SIGKILL   # Redis crashes instead of stopping (appendfsync always)
 */
import { parseArgs } from 'node:util';
import { runChaos } from '../test-fixtures/chaos/chaos-run.ts';
import { isJail, processTable } from '../test-fixtures/os/process-tree.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '90' },
    rate: { type: 'string', default: '4' },
    kills: { type: 'string', default: '30' },
    redis: { type: 'string', default: '3' },
    api: { type: 'string', default: '2' },
    workers: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    'redis-signal': { type: 'string', default: 'SIGTERM' },
  },
});
const signal = values['redis-signal'];
if (signal !== 'SIGTERM' && signal !== 'SIGKILL') throw new Error('--redis-signal: SIGTERM or SIGKILL');

const jails = () => new Set(processTable().filter(isJail).map((p) => p.pid));
const jailsBefore = jails();
const report = await runChaos({
  seconds: Number(values.seconds),
  jobsPerSecond: Number(values.rate),
  workers: Number(values.workers),
  workerKills: Number(values.kills),
  redisRestarts: Number(values.redis),
  apiRestarts: Number(values.api),
  redisSignal: signal,
  seed: Number(values.seed),
  log: (line) => console.log(line),
});
const leftoverJails = [...jails()].filter((pid) => !jailsBefore.has(pid)).length;

const { jobs, faults } = report;
console.log(`\nchaos run: ${report.seconds.toFixed(0)} s, ${faults.workerKills} worker kills, ${faults.redisRestarts} Redis restarts (${signal}), ${faults.apiRestarts} API restarts`);
console.log(`jobs: ${jobs.submitted} sent, ${jobs.accepted} accepted, ${jobs.completed} completed as undisturbed, ${jobs.lost} lost, ${jobs.mismatched} mismatched`);
console.log(`group events: ${jobs.duplicatedEvents} duplicated, ${jobs.missingEvents} missing`);
console.log(`errors clients retried past: ${JSON.stringify(report.retriedErrors)}`);
console.log(`errors clients could not retry past: ${report.fatalErrors.length === 0 ? 'none' : report.fatalErrors.join('; ')}`);
console.log(`sandbox jails left running after the cluster stopped: ${leftoverJails}`);
const met =
  jobs.lost === 0 && jobs.mismatched === 0 && jobs.duplicatedEvents === 0 && jobs.missingEvents === 0 && jobs.accepted === jobs.submitted &&
  report.fatalErrors.length === 0 && faults.workerKills >= 20 && faults.redisRestarts >= 2 && leftoverJails === 0;
console.log(`bar (0 lost, 0 duplicated, ≥ 20 worker kills, ≥ 2 Redis restarts): ${met ? 'met' : 'MISSED'}`);
process.exitCode = met ? 0 : 1;
