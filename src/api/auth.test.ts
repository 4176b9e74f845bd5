import { afterEach, describe, expect, it } from 'vitest';
import { parisRequest } from '../../test-fixtures/api/requests.ts';
import { startApp, type TestServer } from '../../test-fixtures/api/start-app.ts';
import { createAuth } from './auth.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const KEYS = { ARBITER_API_KEYS: 'alice-key, bob-key' };

describe('API keys', () => {
  it('refuses a request without a key with 401 AUTH_MISSING and a WWW-Authenticate header', async () => {
    server = await startApp(KEYS);
    const response = await server.call('/v1/grade', { json: parisRequest(1), headers: { 'x-request-id': 'r' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toMatchInlineSnapshot(`
      {
        "error": {
          "code": "AUTH_MISSING",
          "message": "send the API key as "Authorization: Bearer <key>"",
          "request_id": "r",
        },
      }
    `);
  });

  it('refuses a wrong key with 401 AUTH_INVALID', async () => {
    server = await startApp(KEYS);
    const response = await server.call('/v1/jobs', { json: parisRequest(1), key: 'mallory-key' });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('AUTH_INVALID');
  });

  it("answers another key's job with 404, for status, events and cancellation alike", async () => {
    server = await startApp(KEYS);
    const created = await server.call('/v1/jobs', { json: parisRequest(1), key: 'alice-key' });
    const { id } = (await created.json()) as { id: string };
    expect((await server.call(`/v1/jobs/${id}`, { key: 'alice-key' })).status).toBe(200);
    for (const [path, method] of [[`/v1/jobs/${id}`, 'GET'], [`/v1/jobs/${id}/events`, 'GET'], [`/v1/jobs/${id}`, 'DELETE']] as const) {
      const response = await server.call(path, { key: 'bob-key', method });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('JOB_NOT_FOUND');
    }
  });

  it('leaves /healthz, /readyz, /metrics and /docs open', async () => {
    server = await startApp(KEYS);
    for (const path of ['/healthz', '/readyz', '/metrics', '/docs/json']) expect((await server.call(path)).status).toBe(200);
  });

  it('warns at start when no keys are configured, and lets every caller in', async () => {
    server = await startApp();
    expect(server.logs.some((line) => line['level'] === 40 && String(line['msg']).includes('ARBITER_API_KEYS'))).toBe(true);
    expect((await server.call('/v1/grade', { json: parisRequest(1) })).status).toBe(200);
  });

  it('derives a stable owner id from a key without containing it', () => {
    const auth = createAuth(['alice-key']);
    const owner = auth.ownerOf('Bearer alice-key');
    expect(owner).toBe(auth.ownerOf('bearer   alice-key'));
    expect(owner).not.toContain('alice');
    expect(() => auth.ownerOf('Basic YWxpY2U6')).toThrow(expect.objectContaining({ code: 'AUTH_MISSING' }));
  });
});
