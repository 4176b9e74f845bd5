/**
 * A redis-server of a test's (or bench's) own, on a free port, with an append-only file as in
 * docker/redis.conf, so that it can be stopped and started again without losing what was accepted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../os/free-port.ts';
import { waitUntil } from '../os/wait-until.ts';

export interface OwnRedis {
  readonly url: string;
  readonly port: number;
  /** Starts it (again) on the same port and data directory; resolves once it answers PING. */
  start(): Promise<void>;
  /**
   * Stops it. SIGTERM (the default, what `docker compose restart` sends): redis-server writes its
   * append-only file and exits. Resolves once it no longer answers.
   */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** Deletes its data directory (stop it first). */
  remove(): void;
  /** Clients subscribed to a pub/sub channel. */
  subscribers(channel: string): number;
}

/** True when `redis-server` is on PATH (tests that need their own skip without it). */
export function hasRedisServer(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function ping(port: number): boolean {
  try {
    return execFileSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2_000 }).trim() === 'PONG';
  } catch {
    return false;
  }
}

/** True while the process runs (a zombie nobody reaped has exited). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * @param appendfsync `always` (default: a restart of any kind loses nothing) or `everysec` (docker/redis.conf).
 * @example const redis = await ownRedis(); await redis.start(); … await redis.stop(); await redis.start();
 */
export async function ownRedis(appendfsync: 'always' | 'everysec' = 'always'): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-redis-'));
  const pidFile = join(dir, 'redis.pid');
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', appendfsync, '--maxmemory-policy', 'noeviction'];
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      execFileSync('redis-server', [...args, '--dir', dir, '--daemonize', 'yes', '--pidfile', pidFile, '--logfile', join(dir, 'redis.log')]);
      await waitUntil(`redis-server on port ${port} did not answer`, 10_000, () => ping(port));
    },
    async stop(signal = 'SIGTERM') {
      let pid: number;
      try {
        pid = Number(readFileSync(pidFile, 'utf8').trim());
        process.kill(pid, signal);
      } catch {
        return; // not running
      }
      await waitUntil(`redis-server ${pid} on port ${port} did not exit`, 10_000, () => !alive(pid));
      rmSync(pidFile, { force: true }); // left behind by SIGKILL
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
    subscribers: (channel) => Number(execFileSync('redis-cli', ['-p', String(port), 'pubsub', 'numsub', channel], { encoding: 'utf8' }).trim().split('\n')[1]),
  };
}
