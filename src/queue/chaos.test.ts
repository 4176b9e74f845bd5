import { describe, expect, it } from 'vitest';
import { runChaos } from '../../test-fixtures/chaos/chaos-run.ts';
import { hasRedisServer } from '../../test-fixtures/queue/own-redis.ts';

// The short version of `npm run bench:chaos` (issue #8.2): the whole cluster as child processes, faults
// at random moments, every accepted job compared with the undisturbed run. About a minute.
describe.skipIf(!hasRedisServer())('the cluster under faults', () => {
  it('loses, repeats and changes nothing across 20 worker SIGKILLs, 2 Redis restarts and an API restart; clients only retry', async () => {
    const lines: string[] = [];
    const report = await runChaos({ seconds: 40, jobsPerSecond: 3, workerKills: 20, redisRestarts: 2, apiRestarts: 1, seed: 8, log: (line) => lines.push(line) });
    const context = `${JSON.stringify(report, null, 1)}\n${lines.join('\n')}`;
    expect(report.faults, context).toEqual({ workerKills: 20, redisRestarts: 2, apiRestarts: 1 });
    expect(report.jobs.accepted, context).toBe(report.jobs.submitted);
    expect(report.jobs, context).toMatchObject({ completed: report.jobs.submitted, lost: 0, mismatched: 0, duplicatedEvents: 0, missingEvents: 0 });
    expect(report.fatalErrors, context).toEqual([]);
    // The faults were felt: the API restart refused connections.
    expect(report.retriedErrors['connection'] ?? 0, context).toBeGreaterThan(0);
  }, 240_000);
});
