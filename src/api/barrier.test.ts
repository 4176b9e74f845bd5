import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestServer } from '../../test-fixtures/api/start-app.ts';
import type { GradeResponse } from '../core/schemas/result.ts';

const task = { type: 'text', answer: 'Paris' } as const;
const completions = ['<think>x</think><answer>Paris</answer>', 'Lyon', '<think>hmm</think><answer>Paris</answer>', 'I do not know'];
const rewards = { accuracy: 1, format: 1 };

let server: TestServer;
beforeAll(async () => {
  server = await startApp();
});
afterAll(() => server.close());

async function grade(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await server.call('/v1/grade', { json: body, headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const slice = (id: string, from: number, to: number, extra: Record<string, unknown> = {}) => ({
  groups: [{ id: 'mine', task, completions: completions.slice(from, to), group: { id, size: 4, offset: from, ...extra } }],
  rewards,
});

describe('group barrier (POST /v1/grade, embedded)', () => {
  it('grades a group split across two requests as one group: each caller gets its own results with the whole group’s advantages', async () => {
    const whole = await grade({ groups: [{ id: 'mine', task, completions }], rewards });
    expect(whole.status).toBe(200);
    const [first, second] = await Promise.all([grade(slice('step1/p0', 0, 2)), grade(slice('step1/p0', 2, 4))]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const wholeGroup = (whole.body as unknown as GradeResponse).groups[0];
    const a = (first.body as unknown as GradeResponse).groups[0];
    const b = (second.body as unknown as GradeResponse).groups[0];
    expect(a?.results).toEqual(wholeGroup?.results.slice(0, 2));
    expect(b?.results).toEqual(wholeGroup?.results.slice(2, 4));
    expect(a?.stats).toEqual(wholeGroup?.stats);
    expect(a?.group).toEqual({ id: 'step1/p0', size: 4, received: 4, partial: false });
    // A rank's slice alone would have had other advantages: the barrier is what makes them right.
    const alone = await grade({ groups: [{ task, completions: completions.slice(0, 2) }], rewards });
    expect((alone.body as unknown as GradeResponse).groups[0]?.results.map((r) => r.advantage)).not.toEqual(a?.results.map((r) => r.advantage));
  });

  it('seals a partial group at the caller’s deadline and says so', async () => {
    const started = Date.now();
    const lonely = await grade(slice('step2/p0', 0, 2, { wait_ms: 200 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(lonely.status).toBe(200);
    const group = (lonely.body as unknown as GradeResponse).groups[0];
    expect(group?.results).toHaveLength(2);
    expect(group?.group).toEqual({ id: 'step2/p0', size: 4, received: 2, partial: true });
  });

  it('answers 400 naming the field for a slice larger than its group, an offset past the end, and batch scaling', async () => {
    const tooMany = await grade({ groups: [{ task, completions, group: { id: 'g', size: 2 } }] });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('groups[0].completions');
    const pastEnd = await grade({ groups: [{ task, completions: completions.slice(0, 2), group: { id: 'g', size: 4, offset: 3 } }] });
    expect(JSON.stringify(pastEnd.body)).toContain('groups[0].group.offset');
    const batch = await grade({ ...slice('g', 0, 2), advantage: { scale: 'batch' } });
    expect(batch.status).toBe(400);
    expect(JSON.stringify(batch.body)).toContain('advantage.scale');
  });

  it('refuses slices on the asynchronous job route, which cannot wait for other callers', async () => {
    const response = await server.call('/v1/jobs', { json: slice('g', 0, 2) });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('groups[0].group');
  });
});
