import { afterEach, describe, expect, it } from 'vitest';
import { RIGHT, WRONG } from '../../../test-fixtures/api/requests.ts';
import { startApp, type TestServer } from '../../../test-fixtures/api/start-app.ts';
import type { OpenRlhfResponse } from '../schemas.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// As OpenRLHF sends it: the chat-templated prompt, and the query = prompt + response decoded with special tokens.
const PROMPT = '<|im_start|>user\nWhat is the capital of France?<|im_end|>\n<|im_start|>assistant\n';

async function getReward(s: TestServer, body: unknown): Promise<Response> {
  return s.call('/get_reward', { json: body });
}

describe('POST /get_reward (OpenRLHF remote reward model)', () => {
  it('answers empty lists with empty lists (the extra servers of a URL list get these)', async () => {
    server = await startApp();
    const response = await getReward(server, { query: [], prompts: [], labels: [] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ rewards: [], scores: [], extra_logs: {} });
  });

  it('grades each query without its echoed prompt and trailing end-of-turn token, one list entry per query', async () => {
    server = await startApp();
    const response = await getReward(server, {
      query: [`${PROMPT}${RIGHT}<|im_end|>`, `${PROMPT}${WRONG}<|im_end|><|endoftext|>`, `${PROMPT}Paris`],
      prompts: [PROMPT, PROMPT, PROMPT],
      labels: ['Paris', 'Paris', 'Paris'],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      rewards: [2, 1, 1],
      scores: [1, 0, 1],
      extra_logs: { accuracy: [1, 0, 1], format: [1, 1, 0], correct: [1, 0, 1], unscorable: [0, 0, 0] },
    });
  });

  it('puts object labels into the task template and names a label that makes no task', async () => {
    server = await startApp({ ARBITER_OPENRLHF_TASK: '{"type":"text","case_sensitive":true}' });
    const ok = await getReward(server, { query: ['<answer>B</answer>'], prompts: [''], labels: [{ answer: 'B', choices: ['x', 'y'] }] });
    expect(((await ok.json()) as OpenRlhfResponse).scores).toEqual([1]);
    const bad = await getReward(server, { query: ['a', 'b'], prompts: ['', ''], labels: ['A', { choices: ['only one'] }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { problems: unknown } }).error.problems).toMatchInlineSnapshot(`
      [
        {
          "message": "required",
          "path": "labels[1].answer",
        },
        {
          "message": "expected array length to be greater or equal to 2",
          "path": "labels[1].choices",
        },
      ]
    `);
  });

  it('refuses lists of different lengths, naming the list', async () => {
    server = await startApp();
    const response = await getReward(server, { query: ['a', 'b'], prompts: ['p'], labels: ['x', 'y'] });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { problems: unknown } }).error.problems).toEqual([{ path: 'prompts', message: 'expected 2 items (one per query), got 1' }]);
  });
});
