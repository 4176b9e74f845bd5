/**
 * A cluster on this machine, as docker-compose.yml runs it: a redis-server of its own (append-only file),
 * one `arbiter serve` in queue mode and `workers` `arbiter worker` processes, each a real child process
 * that the chaos run can kill and start again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { packagePath } from '../../src/core/package-root.ts';
import { freePort } from '../os/free-port.ts';
import { waitUntil } from '../os/wait-until.ts';
import { ownRedis, type OwnRedis } from '../queue/own-redis.ts';

export interface LocalClusterOptions {
  readonly workers: number;
  /** Environment of every process (ARBITER_THREADS, ARBITER_WORKER_STALLED_MS, …), over LOG_LEVEL=warn. */
  readonly env?: Readonly<Record<string, string>>;
  /** `always` or docker/redis.conf's `everysec`. Default always. */
  readonly appendfsync?: 'always' | 'everysec';
}

export interface LocalCluster {
  readonly url: string;
  readonly redis: OwnRedis;
  /** The worker processes now (a killed one is replaced). */
  workerPids(): number[];
  /** The API process id. */
  apiPid(): number | undefined;
  /** SIGKILLs worker `index` (mod the count) and starts a new one in its place. */
  killWorker(index: number): Promise<void>;
  /** Stops Redis (`SIGTERM`: it writes its append-only file, as `docker compose restart` does), then starts it on the same data. */
  restartRedis(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** SIGKILLs the API and starts a new one on the same port (with `env` over the cluster's); resolves once it answers /healthz. */
  restartApi(env?: Readonly<Record<string, string>>): Promise<void>;
  /** Stops every process (SIGTERM, then SIGKILL after 15 s) and removes Redis's data. */
  close(): Promise<void>;
}

function arbiter(command: 'serve' | 'worker', env: Record<string, string>): ChildProcess {
  // bin/arbiter.js runs dist/ when it is fresh, else the sources through tsx.
  return spawn(process.execPath, [packagePath('bin', 'arbiter.js'), command], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function end(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const watchdog = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(watchdog);
}

/**
 * Starts the cluster; resolves once the API reports ready (Redis up and a worker registered).
 * @example const cluster = await startLocalCluster({ workers: 2, env: { ARBITER_THREADS: '1' } }); … await cluster.close();
 */
export async function startLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  const redis = await ownRedis(options.appendfsync ?? 'always');
  await redis.start();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...options.env, REDIS_URL: redis.url, ARBITER_QUEUE_PREFIX: 'chaos' };
  const startApi = (more: Readonly<Record<string, string>> = {}) => arbiter('serve', { ...env, ...more, PORT: String(port) });
  let api = startApi();
  const workers = Array.from({ length: options.workers }, () => arbiter('worker', env));
  await waitUntil('the API was not ready', 60_000, async () => (await fetch(`${url}/readyz`)).status === 200);

  return {
    url,
    redis,
    workerPids: () => workers.flatMap((w) => (w.pid === undefined ? [] : [w.pid])),
    apiPid: () => api.pid,
    async killWorker(index) {
      const slot = index % workers.length;
      await end(workers[slot] as ChildProcess, 'SIGKILL');
      workers[slot] = arbiter('worker', env);
    },
    async restartRedis(signal = 'SIGTERM') {
      await redis.stop(signal);
      await redis.start();
    },
    async restartApi(more = {}) {
      await end(api, 'SIGKILL');
      api = startApi(more);
      await waitUntil('the restarted API did not answer', 60_000, async () => (await fetch(`${url}/healthz`)).status === 200);
    },
    async close() {
      await Promise.all([api, ...workers].map((child) => end(child, 'SIGTERM')));
      await redis.stop();
      redis.remove();
    },
  };
}
