// The SDK against a real API on a real port (embedded mode, in-process grader), over real HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { gate, type GatedGrader } from '../../test-fixtures/api/gated-grader.ts';
import { parisRequest } from '../../test-fixtures/api/requests.ts';
import { startApp, type TestServer } from '../../test-fixtures/api/start-app.ts';
import { ArbiterClient } from './client.ts';
import { AuthenticationError, BadRequestError, ConflictError, NotFoundError, UnprocessableEntityError, type ArbiterError } from './errors.ts';
import type { JobGroupEvent } from './types.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(...args: Parameters<typeof startApp>): Promise<{ server: TestServer; client: ArbiterClient }> {
  server = await startApp(...args);
  return { server, client: new ArbiterClient({ baseUrl: server.url, apiKey: null, retry: { initialDelayMs: 10 } }) };
}

async function caught(promise: Promise<unknown>): Promise<ArbiterError> {
  return promise.then(
    () => expect.unreachable('expected the call to fail'),
    (error: ArbiterError) => error,
  );
}

async function collect(events: AsyncIterable<JobGroupEvent>): Promise<JobGroupEvent[]> {
  const out: JobGroupEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe('ArbiterClient against a live server', () => {
  it('grades a request and returns rewards, statuses and the resolved preset', async () => {
    const { client } = await start();
    const response = await client.grade(parisRequest(2), { requestId: 'sdk-grade' });
    expect(response.groups.map((g) => g.id)).toEqual(['g0', 'g1']);
    expect(response.groups[0]?.results.map((r) => [r.status, r.reward])).toEqual([['correct', 2], ['incorrect', 1], ['correct', 2], ['incorrect', 1]]);
    expect(response.advantage.preset).toBe('trl');
  });

  it('follows a 202 to the job result when grading outlasts the server’s wait', async () => {
    let gated: GatedGrader | undefined;
    const { server: s, client } = await start({ ARBITER_GRADE_WAIT_MS: '0' }, { wrapGrader: (g) => (gated = gate(g)) });
    setTimeout(() => gated?.open(), 100);
    const response = await client.grade(parisRequest(3), { requestId: 'sdk-202' });
    expect(response.groups.map((g) => g.id)).toEqual(['g0', 'g1', 'g2']);
    // It got there through the job's event stream, with the caller's request id on every request.
    expect(s.logs.some((line) => line['reqId'] === 'sdk-202' && JSON.stringify(line).includes('/events'))).toBe(true);
  });

  it('submits a job, streams each group once with its index, then reads the job and its result', async () => {
    const { client } = await start();
    const { id, status_url } = await client.submit(parisRequest(4));
    expect(status_url).toBe(`/v1/jobs/${id}`);
    const events = await collect(client.stream(id));
    expect(events.map((e) => e.index).sort()).toEqual([0, 1, 2, 3]);
    for (const e of events) expect(e.result.id).toBe(`g${e.index}`);
    const view = await client.get(id);
    expect(view).toMatchObject({ id, status: 'completed', progress: { groups_done: 4, groups_total: 4 } });
    expect(view.result?.groups).toHaveLength(4);
    expect(await client.wait(id)).toEqual(view.result);
  });

  it('resumes a stream after lastEventId without repeating a group', async () => {
    const { client } = await start();
    const { id } = await client.submit(parisRequest(3));
    const all = await collect(client.stream(id));
    const rest = await collect(client.stream(id, { lastEventId: '2' }));
    expect(rest).toEqual(all.slice(2));
  });

  it('cancels a job that has not started; streaming or waiting on it then throws ConflictError JOB_CANCELLED', async () => {
    let gated: GatedGrader | undefined;
    const { client } = await start({}, { wrapGrader: (g) => (gated = gate(g)) });
    const { id } = await client.submit(parisRequest(2));
    expect((await client.get(id)).status).toMatch(/^(queued|running)$/);
    expect((await client.cancel(id)).status).toBe('cancelled');
    gated?.open();
    const streamed = await caught(collect(client.stream(id)));
    expect(streamed).toBeInstanceOf(ConflictError);
    expect(streamed.code).toBe('JOB_CANCELLED');
    expect(await caught(client.wait(id))).toBeInstanceOf(ConflictError);
  });

  it('sends the same Idempotency-Key on a repeated call: one job, graded once; another body under it is a 422', async () => {
    let gated: GatedGrader | undefined;
    const { client } = await start({ ARBITER_GRADE_WAIT_MS: '0' }, { wrapGrader: (g) => (gated = gate(g)) });
    const first = await client.submit(parisRequest(1), { idempotencyKey: 'step-3-rank-0' });
    const second = await client.submit(parisRequest(1), { idempotencyKey: 'step-3-rank-0' });
    expect(second.id).toBe(first.id);
    const reused = await caught(client.submit(parisRequest(2), { idempotencyKey: 'step-3-rank-0' }));
    expect(reused).toBeInstanceOf(UnprocessableEntityError);
    expect(reused.code).toBe('IDEMPOTENCY_KEY_REUSED');
    gated?.open();
    await client.wait(first.id);
    expect(gated?.calls).toBe(1);
  });

  it('computes advantages of raw rewards in a trainer’s convention', async () => {
    const { client } = await start();
    const response = await client.advantages({ groups: [{ id: 'a', rewards: [1, 0, null, 0] }], advantage: { preset: 'verl' } });
    expect(response.groups[0]?.id).toBe('a');
    expect(response.groups[0]?.advantages).toHaveLength(4);
    expect(response.groups[0]?.stats).toMatchObject({ count: 4 });
    expect(response.advantage.preset).toBe('verl');
  });

  it('throws the class of each error status with the server’s code, problems and request id', async () => {
    const { client } = await start();
    const invalid = await caught(client.grade({ groups: [{ task: { type: 'txt' }, completions: [3] }] } as never, { requestId: 'bad-1' }));
    expect(invalid).toBeInstanceOf(BadRequestError);
    expect({ name: invalid.name, status: invalid.status, code: invalid.code, requestId: invalid.requestId, problems: invalid.problems }).toMatchInlineSnapshot(`
      {
        "code": "REQUEST_INVALID",
        "name": "BadRequestError",
        "problems": [
          {
            "message": "type: expected one of "math", "code", "text"",
            "path": "groups[0].task",
          },
          {
            "message": "expected string or object",
            "path": "groups[0].completions[0]",
          },
        ],
        "requestId": "bad-1",
        "status": 400,
      }
    `);
    const missing = await caught(client.get('no-such-job'));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect([missing.status, missing.code, typeof missing.requestId]).toEqual([404, 'JOB_NOT_FOUND', 'string']);
  });

  it('sends the API key from the option, else ARBITER_API_KEY; none gets AuthenticationError AUTH_MISSING', async () => {
    const { server: s } = await start({ ARBITER_API_KEYS: 'k-one,k-two' });
    const none = await caught(new ArbiterClient({ baseUrl: s.url, apiKey: null }).submit(parisRequest(1)));
    expect(none).toBeInstanceOf(AuthenticationError);
    expect(none.code).toBe('AUTH_MISSING');
    const fromEnv = new ArbiterClient({ env: { ARBITER_URL: s.url, ARBITER_API_KEY: 'k-two' } });
    const { id } = await fromEnv.submit(parisRequest(1));
    await fromEnv.wait(id);
    // A job belongs to the key that made it.
    expect(await caught(new ArbiterClient({ baseUrl: s.url, apiKey: 'k-one' }).get(id))).toBeInstanceOf(NotFoundError);
  });
});
