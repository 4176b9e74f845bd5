import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnFreePort } from '../../test-fixtures/api/start-app.ts';
import { queueHarness, REDIS_URL, type QueueHarness } from '../../test-fixtures/queue/redis-harness.ts';
import { mixedRequest } from '../../test-fixtures/queue/requests.ts';
import { loadConfig } from '../config/config.ts';
import { createBoardQueues } from '../queue/board.ts';
import { buildApp } from './app.ts';

let harness: QueueHarness | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  await harness?.cleanup();
  harness = undefined;
});

const ADMIN_KEY = 'operator-key-0123456789';

async function serve(env: Record<string, string>): Promise<{ url: string; h: QueueHarness }> {
  const h = queueHarness();
  harness = h;
  app = buildApp({ jobs: h.jobs(), config: loadConfig({ REDIS_URL, ARBITER_THREADS: '1', ARBITER_API_KEYS: 'trainer-key', ...env }), board: createBoardQueues(REDIS_URL, h.prefix) });
  return { url: await listenOnFreePort(app), h };
}

const basic = (password: string) => `Basic ${Buffer.from(`ops:${password}`).toString('base64')}`;

describe('the queue board at /admin/queues', () => {
  it('asks for the admin key (a browser gets a Basic prompt) and refuses any other key, API keys included', async () => {
    const { url } = await serve({ ARBITER_ADMIN_KEY: ADMIN_KEY });
    const missing = await fetch(`${url}/admin/queues`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Basic realm="Arbiter admin", charset="UTF-8"');
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('AUTH_MISSING');
    for (const authorization of ['Bearer trainer-key', basic('wrong-key-0123456789')]) {
      const refused = await fetch(`${url}/admin/queues`, { headers: { authorization } });
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('AUTH_INVALID');
    }
    const page = await fetch(`${url}/admin/queues`, { headers: { authorization: basic(ADMIN_KEY) } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Arbiter queues');
  });

  it('shows the group queue, read only, with the jobs waiting in it; its routes stay out of the OpenAPI document', async () => {
    const { url } = await serve({ ARBITER_ADMIN_KEY: ADMIN_KEY });
    const submitted = await fetch(`${url}/v1/jobs`, {
      method: 'POST',
      headers: { authorization: 'Bearer trainer-key', 'content-type': 'application/json' },
      body: JSON.stringify(mixedRequest(2)),
    });
    expect(submitted.status).toBe(202);
    const response = await fetch(`${url}/admin/queues/api/queues?activeQueue=groups&status=prioritized`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    expect(response.status).toBe(200);
    const { queues } = (await response.json()) as { queues: { name: string; readOnlyMode: boolean; counts: Record<string, number> }[] };
    expect(queues.map((q) => [q.name, q.readOnlyMode])).toEqual([['groups', true]]);
    expect(queues[0]?.counts['prioritized']).toBe(2);
    const doc = (await (await fetch(`${url}/docs/json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/admin'))).toEqual([]);
  });

  it('is not there without ARBITER_ADMIN_KEY', async () => {
    const { url } = await serve({});
    expect((await fetch(`${url}/admin/queues`, { headers: { authorization: 'Bearer trainer-key' } })).status).toBe(404);
  });
});
