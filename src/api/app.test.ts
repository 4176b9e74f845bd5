import { afterEach, describe, expect, it } from 'vitest';
import { parisRequest } from '../../test-fixtures/api/requests.ts';
import { startApp, type TestServer } from '../../test-fixtures/api/start-app.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(...args: Parameters<typeof startApp>): Promise<TestServer> {
  server = await startApp(...args);
  return server;
}

describe('API basics', () => {
  it('answers /healthz and /readyz while the grader is up', async () => {
    const s = await start();
    expect(await (await s.call('/healthz')).json()).toEqual({ status: 'ok' });
    expect(await (await s.call('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('answers /readyz with 503 NOT_READY once the job service is closed', async () => {
    const s = await start();
    await s.jobs.close();
    const response = await s.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('NOT_READY');
  });

  it('serves the OpenAPI document generated from the shared schemas, and the docs UI', async () => {
    const s = await start();
    const doc = (await (await s.call('/docs/json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/grade', '/v1/jobs', '/v1/jobs/{id}', '/v1/jobs/{id}/events', '/v1/advantages', '/get_reward', '/healthz', '/readyz']),
    );
    expect(JSON.stringify(doc.paths['/v1/grade'])).toContain('completions');
    expect((await s.call('/docs')).status).toBeLessThan(400);
  });

  it('honours a well-formed x-request-id in the response, the error body and the logs, and replaces a malformed one', async () => {
    const s = await start();
    const response = await s.call('/v1/jobs/missing', { headers: { 'x-request-id': 'trainer-step-42' } });
    expect(response.headers.get('x-request-id')).toBe('trainer-step-42');
    expect(((await response.json()) as { error: { request_id: string } }).error.request_id).toBe('trainer-step-42');
    expect(s.logs.some((line) => line['reqId'] === 'trainer-step-42')).toBe(true);
    const replaced = await s.call('/healthz', { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists every validation problem by JSON path, in the words of the CLI', async () => {
    const s = await start();
    const response = await s.call('/v1/grade', {
      json: { groups: [{ task: { type: 'text', answer: 'x' }, completions: ['ok'] }, { task: { type: 'txt' }, completions: [3] }], rewardz: {} },
      headers: { 'x-request-id': 'r1' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "REQUEST_INVALID",
          "message": "the request is invalid: rewardz: unknown field; groups[1].task: type: expected one of "math", "code", "text"; groups[1].completions[0]: expected string or object",
          "problems": [
            {
              "message": "unknown field",
              "path": "rewardz",
            },
            {
              "message": "type: expected one of "math", "code", "text"",
              "path": "groups[1].task",
            },
            {
              "message": "expected string or object",
              "path": "groups[1].completions[0]",
            },
          ],
          "request_id": "r1",
        },
      }
    `);
  });

  it('answers a body that is not JSON with 400 REQUEST_INVALID and a non-JSON media type with 415', async () => {
    const s = await start();
    const broken = await s.call('/v1/grade', { method: 'POST', body: '{"groups": [', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe('REQUEST_INVALID');
    const text = await s.call('/v1/grade', { method: 'POST', body: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(((await text.json()) as { error: { code: string } }).error.code).toBe('CONTENT_TYPE_UNSUPPORTED');
  });

  it('refuses a body over ARBITER_BODY_LIMIT_MB with 413 BODY_TOO_LARGE', async () => {
    const s = await start({ ARBITER_BODY_LIMIT_MB: '1' });
    const request = parisRequest(1);
    const big = { ...request, groups: [{ ...request.groups[0], completions: ['x'.repeat(1_200_000)] }] };
    const response = await s.call('/v1/grade', { json: big, headers: { 'x-request-id': 'big' } });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "BODY_TOO_LARGE",
          "message": "the body is larger than 1 MiB (ARBITER_BODY_LIMIT_MB)",
          "request_id": "big",
        },
      }
    `);
  });

  it('answers an unexpected fault with 500 INTERNAL without its message, and logs it with the request id', async () => {
    const s = await start({}, {
      wrapJobs: (jobs) => ({
        ...jobs,
        get: async () => {
          throw new Error('connection string postgres://admin:hunter2@db');
        },
      }),
    });
    const response = await s.call('/v1/jobs/abc', { headers: { 'x-request-id': 'boom' } });
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toContain('hunter2');
    expect(JSON.parse(body)).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "INTERNAL",
          "message": "internal error",
          "request_id": "boom",
        },
      }
    `);
    expect(s.logs.some((line) => line['reqId'] === 'boom' && line['level'] === 50)).toBe(true);
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND', async () => {
    const s = await start();
    const response = await s.call('/v2/grade');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('exports request counters, latencies, jobs by state and completions by status at /metrics', async () => {
    const s = await start();
    await s.call('/v1/grade', { json: parisRequest(1) });
    const text = await (await s.call('/metrics')).text();
    expect(text).toContain('arbiter_http_requests_total{route="/v1/grade",method="POST",status="200"} 1');
    expect(text).toContain('arbiter_http_request_duration_seconds_bucket');
    expect(text).toContain('arbiter_jobs{state="completed"} 1');
    expect(text).toContain('arbiter_completions_graded_total{status="correct"} 2');
    expect(text).toContain('arbiter_completions_graded_total{status="incorrect"} 2');
  });
});
