/**
 * Fuzzing the HTTP API (issue 8) over real HTTP on port 0, embedded mode (two properties also in queue mode):
 * valid requests (README, SPEC) mutated one field at a time, bodies broken at the byte level (NaN and Infinity literals, raw control
 * characters, cuts, bytes that are not UTF-8), deep nesting, huge strings and arrays, random JSON, odd job
 * ids and headers. Every answer is a 2xx of the route's documented shape or a 4xx with a documented code
 * whose problems name the offending path; never a 5xx, never a dropped connection, and /healthz still
 * answers after every property. Cases and recipes: test-fixtures/fuzz/requests.ts. Replay: README "Fuzzing".
 */
import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { Value } from '@sinclair/typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/errors.ts';
import { GradeResponse } from '../core/schemas/result.ts';
import type { FastifyInstance } from 'fastify';
import { listenOnFreePort, startApp, type TestServer } from '../../test-fixtures/api/start-app.ts';
import { queueHarness, type QueueHarness } from '../../test-fixtures/queue/redis-harness.ts';
import { loadConfig } from '../config/config.ts';
import { buildApp } from './app.ts';
import { checkProperty, FUZZ_SEED, runs } from '../../test-fixtures/fuzz/settings.ts';
import {
  BASES,
  deepRequest,
  formatPath,
  headerRequest,
  hugeRequest,
  invalidUtf8Request,
  jobIdRequest,
  mutatedRequest,
  namesChange,
  parsePath,
  prototypeKeyRequest,
  randomBodyRequest,
  rawRequest,
  routerRefusedRequest,
  SUCCESS_STATUS,
  type FuzzRequest,
  type Route,
} from '../../test-fixtures/fuzz/requests.ts';
import { AdvantageResponse, ErrorBody, JobAccepted, OpenRlhfResponse } from './schemas.ts';

const FILE = 'src/api/fuzz-requests.test.ts';
const BODY_LIMIT_MB = 2;
/** Requests sent at once, over as many keep-alive connections. */
const BATCH = 16;
/** An answer slower than this is a hang. */
const ANSWER_TIMEOUT_MS = 30_000;

let server: TestServer;
/** Where `send` sends: the embedded server, or the queue-mode one while its tests run. */
let baseUrl = '';
const agent = new Agent({ keepAlive: true, maxSockets: BATCH });
let sent = 0;

interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

/** Sends the exact bytes of a case (fetch would re-encode them) and reads the whole answer. */
function send(request: FuzzRequest): Promise<Answer> {
  const { port } = new URL(baseUrl);
  sent += 1;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== null) headers['content-length'] = String(request.body.length);
    const req = httpRequest({ host: '127.0.0.1', port, method: request.method, path: request.url, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(ANSWER_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`)));
    req.on('error', (error) => reject(new Error(`${request.recipe}: the connection failed: ${error.message}`)));
    req.end(request.body ?? undefined);
  });
}

// ---- what the server makes of the bytes (fastify's JSON parser: UTF-8 decoding, JSON.parse, prototype poisoning) ----

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Buffer): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A `__proto__` key, or `constructor.prototype`, anywhere (walked without recursion: bodies may nest 100,000 deep). */
function poisoned(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Object.hasOwn(node, '__proto__')) return true;
    const ctor = Object.hasOwn(node, 'constructor') ? (node as Record<string, unknown>)['constructor'] : undefined;
    if (ctor !== null && typeof ctor === 'object' && Object.hasOwn(ctor, 'prototype')) return true;
    stack.push(...(Array.isArray(node) ? node : Object.values(node)));
  }
  return false;
}

type Parsed = { readonly json: true; readonly value: unknown; readonly poisoned: boolean } | { readonly json: false };

function parsedBody(bytes: Buffer): Parsed {
  const text = bytes.toString('utf8').replace(/^\ufeff/, ''); // a leading byte-order mark is allowed (RFC 8259 §8.1)
  if (text.length === 0) return { json: false };
  try {
    const value: unknown = JSON.parse(text);
    return { json: true, value, poisoned: poisoned(value) };
  } catch {
    return { json: false };
  }
}

// ---- the contract -----------------------------------------------------------------------------------------

interface ErrorAnswer {
  readonly code: string;
  readonly message: string;
  readonly request_id: string;
  readonly problems?: ReadonlyArray<{ readonly path: string; readonly message: string }>;
}

function shown(request: FuzzRequest, answer: Answer): string {
  const body = answer.text.length > 600 ? `${answer.text.slice(0, 600)}…` : answer.text;
  return `${request.recipe}\n  → ${answer.status} ${body}`;
}

/** Any 4xx: the error body of the one error handler, a documented code whose status it has, the request id of the header. */
function expectError(request: FuzzRequest, answer: Answer): ErrorAnswer {
  const what = shown(request, answer);
  expect(answer.status, what).toBeGreaterThanOrEqual(400);
  expect(answer.status, what).toBeLessThan(500);
  const body: unknown = JSON.parse(answer.text);
  expect(Value.Check(ErrorBody, body), `not the error body: ${what}`).toBe(true);
  const error = (body as { error: ErrorAnswer }).error;
  expect(Object.hasOwn(ERROR_CODES, error.code), `undocumented code: ${what}`).toBe(true);
  expect(ERROR_CODES[error.code as keyof typeof ERROR_CODES].status, `status of ${error.code}: ${what}`).toBe(answer.status);
  expect(answer.headers['x-request-id'], what).toBe(error.request_id);
  for (const problem of error.problems ?? []) expect(parsePath(problem.path), `malformed path ${JSON.stringify(problem.path)}: ${what}`).not.toBeNull();
  return error;
}

/** A 2xx: exactly the route's success status and shape, consistent with the request. */
function expectSuccess(request: FuzzRequest, route: Route, value: unknown, answer: Answer): void {
  const what = shown(request, answer);
  expect(answer.status, what).toBe(SUCCESS_STATUS[route]);
  const body: unknown = JSON.parse(answer.text);
  const input = value as Record<string, unknown[] | undefined>;
  switch (route) {
    case '/v1/grade': {
      expect(Value.Check(GradeResponse, body), `not a GradeResponse: ${what}`).toBe(true);
      const groups = (body as GradeResponse).groups;
      const asked = (input['groups'] ?? []) as Array<{ id?: string; completions: unknown[] }>;
      expect(groups.length, what).toBe(asked.length);
      groups.forEach((group, g) => {
        expect(group.id, what).toBe(asked[g]?.id ?? null);
        expect(group.results.length, what).toBe(asked[g]?.completions.length);
        for (const result of group.results) {
          // README: the reward is null exactly when a requested component is null (never NaN, never a silent 0).
          expect(result.reward === null, `reward vs components: ${what}`).toBe(Object.values(result.components).some((c) => c === null));
        }
      });
      break;
    }
    case '/v1/jobs':
      expect(Value.Check(JobAccepted, body), `not a JobAccepted: ${what}`).toBe(true);
      expect(answer.headers['location'], what).toBe(`/v1/jobs/${(body as { id: string }).id}`);
      break;
    case '/v1/advantages': {
      expect(Value.Check(AdvantageResponse, body), `not an AdvantageResponse: ${what}`).toBe(true);
      const asked = (input['groups'] ?? []) as Array<{ rewards: unknown[] }>;
      (body as AdvantageResponse).groups.forEach((group, g) => expect(group.advantages.length, what).toBe(asked[g]?.rewards.length));
      break;
    }
    case '/get_reward': {
      expect(Value.Check(OpenRlhfResponse, body), `not an OpenRlhfResponse: ${what}`).toBe(true);
      const rewards = (body as OpenRlhfResponse).rewards;
      expect(rewards.length, what).toBe((input['query'] ?? []).length);
      for (const reward of rewards) expect(Number.isFinite(reward), what).toBe(true);
      break;
    }
  }
}

/** The whole contract of one answer. */
function expectAnswer(request: FuzzRequest, answer: Answer): void {
  const what = shown(request, answer);
  expect(answer.status, `server error: ${what}`).toBeLessThan(500);
  const { expect: expected } = request;

  if (expected.kind === 'resource') {
    const error = expectError(request, answer);
    if (answer.status === 404) expect(['JOB_NOT_FOUND', 'ROUTE_NOT_FOUND'], what).toContain(error.code);
    else expect(error.problems?.some((p) => p.path === 'id') ?? /url/i.test(error.message), `400 naming neither id nor the URL: ${what}`).toBe(true);
    return;
  }

  const route = request.route;
  if (route === null || request.body === null) throw new Error(`a body case without a route: ${request.recipe}`);
  if (expected.kind === 'header') {
    if (answer.status < 400) return expectSuccess(request, route, JSON.parse(request.body.toString('utf8')), answer);
    const error = expectError(request, answer);
    if (answer.status === 415) expect(error.code, what).toBe('CONTENT_TYPE_UNSUPPORTED');
    else if (answer.status === 422) expect(error.code, what).toBe('IDEMPOTENCY_KEY_REUSED');
    else expect(error.problems?.some((p) => p.path === expected.header) ?? /JSON|content-type/i.test(error.message), `400 not naming ${expected.header}: ${what}`).toBe(true);
    return;
  }

  if (request.body.length > BODY_LIMIT_MB * 1024 * 1024) {
    expect(answer.status, what).toBe(413);
    expect(expectError(request, answer).code, what).toBe('BODY_TOO_LARGE');
    return;
  }
  const parsed = parsedBody(request.body);
  if (!isUtf8(request.body) && parsed.json) {
    // Issue 8: bytes that are not UTF-8 are refused, not replaced by U+FFFD and graded.
    expect(answer.status, `accepted a body that is not UTF-8: ${what}`).toBe(400);
    const error = expectError(request, answer);
    expect(error.code, what).toBe('REQUEST_INVALID');
    expect(/UTF-8/i.test(error.message) || (error.problems ?? []).some((p) => expected.path === null || namesChange(parsePath(p.path) ?? [], expected.path)), `does not say where: ${what}`).toBe(true);
    return;
  }
  if (!parsed.json || (parsed.poisoned && expected.prototypeKeyNamed !== true)) {
    // No JSON path exists before the body parses: the body as a whole is named. A body with a prototype
    // key parses: the key is named by its path.
    expect(answer.status, what).toBe(400);
    const error = expectError(request, answer);
    expect(error.code, what).toBe('REQUEST_INVALID');
    const namesPrototypeKey = parsed.json && (error.problems ?? []).some((p) => /__proto__|constructor/.test(p.path));
    if (!namesPrototypeKey) expect(error.message, what).toMatch(/json|utf-8/i);
    return;
  }
  if (answer.status < 400) {
    expect(expected.mustFail, `accepted an unknown field: ${what}`).toBe(false);
    return expectSuccess(request, route, parsed.value, answer);
  }
  const error = expectError(request, answer);
  expect(['REQUEST_INVALID', 'REWARDS_INVALID'], what).toContain(error.code);
  const problems = error.problems ?? [];
  expect(problems.length, `no problems listed: ${what}`).toBeGreaterThan(0);
  if (expected.path !== null) {
    const changed = expected.path;
    expect(problems.some((p) => namesChange(parsePath(p.path) ?? ['\u0000unparsable'], changed)), `no problem names the changed field: ${what}`).toBe(true);
    // SPEC §3: an unknown field is rejected with a 400 that names the field itself.
    if (expected.mustFail) expect(problems.map((p) => p.path), `the unknown field is not named: ${what}`).toContain(formatPath(changed));
  }
}

async function sendAll(requests: readonly FuzzRequest[]): Promise<void> {
  const answers = await Promise.all(requests.map(send));
  requests.forEach((request, i) => expectAnswer(request, answers[i] as Answer));
}

async function expectAlive(): Promise<void> {
  const answer = await send({ method: 'GET', url: '/healthz', route: null, headers: {}, body: null, expect: { kind: 'resource' }, recipe: 'GET /healthz' });
  expect(answer.status, 'the server stopped answering /healthz').toBe(200);
  sent -= 1; // not a generated request
}

const batches = (request: fc.Arbitrary<FuzzRequest>, size = BATCH) => fc.array(request, { minLength: size, maxLength: size });

const MUTATED = 'answers each valid request mutated at one field with a well-formed success or a 4xx naming that field';
const ANY_JSON = 'answers any JSON at all, to every route, with a well-formed success or a 4xx naming a path';

/** One property: `count` batches (scaled by ARBITER_FUZZ_SCALE) of `size` generated requests, each answer checked, then /healthz. */
function fuzzes(name: string, requests: fc.Arbitrary<FuzzRequest>, count: number, size = BATCH): void {
  it(name, async () => {
    await checkProperty(fc.asyncProperty(batches(requests, size), sendAll), runs(count), FILE);
    await expectAlive();
  }, 120_000);
}

beforeAll(async () => {
  server = await startApp({ ARBITER_BODY_LIMIT_MB: String(BODY_LIMIT_MB), ARBITER_GRADE_WAIT_MS: '60000' });
  baseUrl = server.url;
}, 30_000);

afterAll(async () => {
  agent.destroy();
  await server?.close();
  console.log(`request fuzz: ${sent} requests over HTTP, seed ${FUZZ_SEED}`);
});

describe(`API request fuzz (seed ${FUZZ_SEED})`, () => {
  it('answers every valid base request (README and SPEC examples) with its success status', async () => {
    for (const base of BASES) {
      const request = { method: 'POST', url: base.route, route: base.route, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(base.body)), expect: { kind: 'body', path: null, mustFail: false }, recipe: base.name } as const;
      const answer = await send(request);
      expect(answer.status, shown(request, answer)).toBe(SUCCESS_STATUS[base.route]);
      expectAnswer(request, answer);
    }
  });
  fuzzes(MUTATED, mutatedRequest, 400);
  fuzzes(ANY_JSON, randomBodyRequest, 100);
  fuzzes('refuses NaN and Infinity literals, raw control characters, cut and padded bodies with 400 REQUEST_INVALID', rawRequest, 100);
  fuzzes('answers job ids with path characters and encodings, and odd methods, with 404 or a 400 naming id', jobIdRequest, 40);
  fuzzes('answers odd Idempotency-Key values and content types with success, 415, 422 or a 400 naming the header', headerRequest, 40);
  fuzzes('answers strings of up to 3 MiB and arrays past their limits with success, 413 or a 400 naming the field', hugeRequest, 25, 4);
  fuzzes('answers values nested up to 100,000 deep anywhere in a request with success or a 400 naming the field, never a 500', deepRequest, 30, 4);
  fuzzes('answers URLs the router refuses (bad percent-encoding, job ids of 101–140 characters) in the error format, with a documented code', routerRefusedRequest, 20, 8);
  fuzzes('names a __proto__ or constructor.prototype key like any other field, instead of calling valid JSON invalid', prototypeKeyRequest, 20, 8);
  fuzzes('refuses a body with bytes that are not UTF-8 with a 400 that says so', invalidUtf8Request, 20, 8);
});

// The same contract with the work going through BullMQ on Redis to a worker (queue mode): what the API and
// the worker make of odd but valid requests (payload encoding, content hashes, the Lua scripts reading the
// settings) must not turn into a 5xx or a failed job. Fewer inputs: each accepted one is graded through Redis.
describe(`API request fuzz in queue mode (seed ${FUZZ_SEED})`, () => {
  let harness: QueueHarness;
  let app: FastifyInstance;
  beforeAll(async () => {
    harness = queueHarness();
    harness.worker({ concurrency: 4 });
    app = buildApp({ jobs: harness.jobs(), config: loadConfig({ ARBITER_THREADS: '1', ARBITER_BODY_LIMIT_MB: String(BODY_LIMIT_MB), ARBITER_GRADE_WAIT_MS: '60000' }) });
    baseUrl = await listenOnFreePort(app);
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    await harness?.cleanup();
    baseUrl = server.url;
  });
  fuzzes(MUTATED, mutatedRequest, 40);
  fuzzes(ANY_JSON, randomBodyRequest, 10);
});
