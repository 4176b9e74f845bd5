import { afterEach, describe, expect, it } from 'vitest';
import { gate, type GatedGrader } from '../../../test-fixtures/api/gated-grader.ts';
import { parisRequest } from '../../../test-fixtures/api/requests.ts';
import { startApp, type TestServer } from '../../../test-fixtures/api/start-app.ts';
import type { GradeResponse } from '../../core/schemas/result.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('POST /v1/grade', () => {
  it('answers 200 with the graded response when grading ends within the wait', async () => {
    server = await startApp();
    const response = await server.call('/v1/grade', { json: parisRequest(2) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as GradeResponse;
    expect(body.groups.map((g) => g.id)).toEqual(['g0', 'g1']);
    expect(body.groups[0]?.results.map((r) => [r.status, r.reward])).toEqual([['correct', 2], ['incorrect', 1], ['correct', 2], ['incorrect', 1]]);
    expect(body.advantage.preset).toBe('trl');
  });

  it('answers 202 with the job to poll when grading outlasts ARBITER_GRADE_WAIT_MS', async () => {
    let gated: GatedGrader | undefined;
    server = await startApp({ ARBITER_GRADE_WAIT_MS: '50' }, { wrapGrader: (g) => (gated = gate(g)) });
    const response = await server.call('/v1/grade', { json: parisRequest(1) });
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as { id: string; status_url: string; events_url: string };
    expect(accepted).toEqual({ id: accepted.id, status_url: `/v1/jobs/${accepted.id}`, events_url: `/v1/jobs/${accepted.id}/events` });
    expect(response.headers.get('location')).toBe(accepted.status_url);
    gated?.open();
  });

  it('grades a request sent twice with the same Idempotency-Key once, and answers both with the same job', async () => {
    let gated: GatedGrader | undefined;
    server = await startApp({ ARBITER_GRADE_WAIT_MS: '0' }, { wrapGrader: (g) => (gated = gate(g)) });
    const headers = { 'idempotency-key': 'step-12-rank-0' };
    const first = (await (await server.call('/v1/grade', { json: parisRequest(1), headers })).json()) as { id: string };
    const second = (await (await server.call('/v1/grade', { json: parisRequest(1), headers })).json()) as { id: string };
    expect(second.id).toBe(first.id);
    const reused = await server.call('/v1/grade', { json: parisRequest(2), headers });
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as { error: { code: string } }).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(gated?.calls).toBe(1);
    gated?.open();
  });

  it('answers a reward configuration the schema cannot catch with 400 REWARDS_INVALID', async () => {
    server = await startApp();
    const response = await server.call('/v1/grade', { json: { ...parisRequest(1), rewards: { length: { max_length: 10, cache_length: 20 } } } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('REWARDS_INVALID');
  });
});
