import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type TestServer } from '../../../test-fixtures/api/start-app.ts';
import type { AdvantageResponse } from '../schemas.ts';

interface Vector {
  rewards: (number | null)[];
  trl_group: number[];
  verl_grpo: number[];
  openrlhf_group_norm: number[];
  rloo: number[];
}
const vectors = JSON.parse(readFileSync(new URL('../../../test-fixtures/advantage-vectors.json', import.meta.url), 'utf8')) as Vector[];

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('POST /v1/advantages', () => {
  it.each([
    [{ preset: 'trl' }, 'trl_group'],
    [{ preset: 'verl' }, 'verl_grpo'],
    [{ preset: 'openrlhf' }, 'openrlhf_group_norm'],
    [{ estimator: 'rloo' }, 'rloo'],
  ] as const)('reproduces the reference vector under %j', async (advantage, column) => {
    server = await startApp();
    const vector = vectors[1] as Vector;
    const response = await server.call('/v1/advantages', { json: { groups: [{ id: 'v', rewards: vector.rewards }], advantage } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as AdvantageResponse;
    const got = body.groups[0]?.advantages ?? [];
    vector[column].forEach((expected, i) => expect(got[i]).toBeCloseTo(expected, 6));
    expect(body.groups[0]?.id).toBe('v');
  });

  it('reports group statistics, pass rate from `correct`, and the resolved preset', async () => {
    server = await startApp();
    const response = await server.call('/v1/advantages', { json: { groups: [{ rewards: [1, 0, null, 0], correct: [true, false, false, false] }, { rewards: [2, 2] }] } });
    const body = (await response.json()) as AdvantageResponse;
    expect(body.groups[0]?.stats).toMatchObject({ count: 4, scorable: 3, pass_rate: 0.25, zero_variance: false });
    expect(body.groups[1]?.stats).toMatchObject({ pass_rate: null, zero_variance: true });
    expect(body.groups[1]?.advantages).toEqual([0, 0]);
    expect(body.advantage).toEqual({ preset: 'trl', estimator: 'grpo', scale: 'group', epsilon: 1e-4, std: 'sample' });
  });

  it('refuses `correct` of another length than `rewards`, naming the group', async () => {
    server = await startApp();
    const response = await server.call('/v1/advantages', { json: { groups: [{ rewards: [1, 0] }, { rewards: [1, 0], correct: [true] }] } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { problems: unknown } }).error.problems).toMatchInlineSnapshot(`
      [
        {
          "message": "expected 2 items (one per reward), got 1",
          "path": "groups[1].correct",
        },
      ]
    `);
  });
});
