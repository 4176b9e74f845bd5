import { get } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { gate, type GatedGrader } from '../../../test-fixtures/api/gated-grader.ts';
import { parisRequest } from '../../../test-fixtures/api/requests.ts';
import { readEvents, startApp, type TestServer } from '../../../test-fixtures/api/start-app.ts';
import type { JobView } from '../../core/schemas/job.ts';
import type { Grader } from '../../grading/grader.ts';
import { waitForJob } from '../../grading/jobs.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function submit(s: TestServer, groups = 3): Promise<string> {
  const response = await s.call('/v1/jobs', { json: parisRequest(groups) });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

describe('jobs', () => {
  it('accepts a job with 202 and reports its status, progress and result', async () => {
    server = await startApp();
    const id = await submit(server, 2);
    await waitForJob(server.jobs, id, null, Infinity);
    const view = (await (await server.call(`/v1/jobs/${id}`)).json()) as JobView;
    expect(view).toMatchObject({ id, status: 'completed', progress: { groups_done: 2, groups_total: 2 }, finished_at: expect.any(String) });
    expect(view.result?.groups).toHaveLength(2);
  });

  it('answers an unknown job id with 404 JOB_NOT_FOUND and a malformed one with 400', async () => {
    server = await startApp();
    expect((await server.call('/v1/jobs/0d9c1f1e-0000-4000-8000-000000000000')).status).toBe(404);
    const malformed = await server.call('/v1/jobs/not%20an%20id');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { problems: unknown } }).error.problems).toEqual([{ path: 'id', message: expect.any(String) }]);
  });

  it('streams one group event per group in completion order, then done, and ends the stream', async () => {
    server = await startApp();
    const id = await submit(server, 4);
    const response = await server.call(`/v1/jobs/${id}/events`);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const { events } = await readEvents(response);
    expect(events.map((e) => e.event)).toEqual(['group', 'group', 'group', 'group', 'done']);
    expect(events.map((e) => e.id)).toEqual(['1', '2', '3', '4', '5']);
    const groups = events.slice(0, 4).map((e) => e.data as { index: number; result: { id: string } });
    expect(groups.map((g) => g.index).sort()).toEqual([0, 1, 2, 3]);
    for (const g of groups) expect(g.result.id).toBe(`g${g.index}`);
    expect(events[4]?.data).toEqual({ status: 'completed' });
  });

  it('replays the finished groups to a late subscriber, and skips those up to Last-Event-ID', async () => {
    server = await startApp();
    const id = await submit(server, 3);
    await waitForJob(server.jobs, id, null, Infinity);
    const all = await readEvents(await server.call(`/v1/jobs/${id}/events`));
    expect(all.events.map((e) => e.event)).toEqual(['group', 'group', 'group', 'done']);
    const resumed = await readEvents(await server.call(`/v1/jobs/${id}/events`, { headers: { 'last-event-id': '2' } }));
    expect(resumed.events.map((e) => e.id)).toEqual(['3', '4']);
  });

  it('sends heartbeat comments while a job runs, and lets go of a client that disconnects', async () => {
    let gated: GatedGrader | undefined;
    server = await startApp({}, { wrapGrader: (g) => (gated = gate(g)), sseHeartbeatMs: 20 });
    const s = server;
    const id = await submit(s, 1);
    const serverSawClose = new Promise<void>((resolve) => s.app.server.once('connection', (socket) => socket.once('close', () => resolve())));
    const heartbeat = await new Promise<string>((resolve, reject) => {
      const request = get(`${s.url}/v1/jobs/${id}/events`, { agent: false }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes(': heartbeat')) {
            request.destroy(); // the trainer went away mid-stream
            resolve(text);
          }
        });
      });
      request.on('error', (error: NodeJS.ErrnoException) => error.code === 'ECONNRESET' || reject(error));
    });
    expect(heartbeat).toContain(': heartbeat');
    await serverSawClose;
    gated?.open();
    expect((await waitForJob(s.jobs, id, null, Infinity))?.status).toBe('completed');
  });

  it('cancels a job that has not finished: DELETE answers the job as cancelled, and its stream ends with done', async () => {
    let gated: GatedGrader | undefined;
    server = await startApp({}, { wrapGrader: (g) => (gated = gate(g)) });
    const id = await submit(server, 2);
    const stream = server.call(`/v1/jobs/${id}/events`).then(readEvents);
    const deleted = await server.call(`/v1/jobs/${id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(((await deleted.json()) as JobView).status).toBe('cancelled');
    expect((await stream).events).toEqual([{ id: '1', event: 'done', data: { status: 'cancelled' } }]);
    gated?.open();
    const again = await server.call(`/v1/jobs/${id}`, { method: 'DELETE' });
    expect(((await again.json()) as JobView).status).toBe('cancelled');
  });

  it('keeps a finished job finished when it is deleted', async () => {
    server = await startApp();
    const id = await submit(server, 1);
    await waitForJob(server.jobs, id, null, Infinity);
    const deleted = await server.call(`/v1/jobs/${id}`, { method: 'DELETE' });
    expect(((await deleted.json()) as JobView).status).toBe('completed');
  });

  it('ends open event streams when the app closes', async () => {
    let gated: GatedGrader | undefined;
    server = await startApp({}, { wrapGrader: (g) => (gated = gate(g)) });
    const id = await submit(server, 1);
    const response = await server.call(`/v1/jobs/${id}/events`);
    const stream = readEvents(response);
    await server.close();
    server = undefined;
    expect((await stream).events.map((e) => e.event)).not.toContain('group');
    gated?.open();
  });

  it('grades by the body\'s priority (lower first, then submission order), and refuses one out of range naming the field', async () => {
    const order: string[] = [];
    let gated: GatedGrader | undefined;
    const recording = (g: Grader): Grader => {
      gated = gate(g);
      const inner = gated;
      return { grade: (request, options) => (order.push(request.groups[0]?.id ?? '?'), inner.grade(request, options)), close: () => inner.close() };
    };
    server = await startApp({}, { wrapGrader: recording, jobs: { maxGroupsInFlight: 1 } });
    const s = server;
    const submitNamed = async (name: string, priority?: number) => {
      const body = { groups: parisRequest(1).groups.map((g) => ({ ...g, id: name })), ...(priority === undefined ? {} : { priority }) };
      const response = await s.call('/v1/jobs', { json: body });
      expect(response.status).toBe(202);
      return ((await response.json()) as { id: string }).id;
    };
    const ids = [await submitNamed('first', 9), await submitNamed('background', 9), await submitNamed('step-3', 3), await submitNamed('default')];
    gated?.open();
    for (const id of ids) expect((await waitForJob(s.jobs, id, null, Infinity))?.status).toBe('completed');
    expect(order).toEqual(['first', 'default', 'step-3', 'background']);
    for (const priority of [-1, 1.5, 1_000_001]) {
      const refused = await s.call('/v1/grade', { json: { ...parisRequest(1), priority } });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { problems: { path: string }[] } }).error.problems.map((p) => p.path)).toEqual(['priority']);
    }
  });
});
