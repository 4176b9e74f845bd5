/**
 * Generators of HTTP requests for src/api/fuzz-requests.test.ts: valid requests (README and SPEC examples)
 * mutated one field at a time, bodies broken at the byte level, deep nesting, huge strings and arrays,
 * random JSON, odd job ids and headers. Each case carries what the answer must be (`Expect`) and prints
 * as a one-line recipe in fast-check's reports (never the megabytes it sends).
 */
import fc from 'fast-check';
import { Kind, type TSchema } from '@sinclair/typebox';
import { GradeRequest, AdvantageRequest } from '../../src/core/schemas/request.ts';

/** A JSON path as segments: numbers index arrays, strings name object keys. */
export type Segment = string | number;
export type JsonPath = readonly Segment[];
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What a route answers to a valid body. */
export type Route = '/v1/grade' | '/v1/jobs' | '/v1/advantages' | '/get_reward';
export const SUCCESS_STATUS: Readonly<Record<Route, number>> = { '/v1/grade': 200, '/v1/jobs': 202, '/v1/advantages': 200, '/get_reward': 200 };

/**
 * What the answer to a case must be:
 * - `body`: decided by the bytes first (over the body limit: 413; not UTF-8 or not JSON: 400 saying so);
 *   then a 2xx of the route's success shape, or a 4xx whose problems name a path related to `path` (the
 *   changed field, a field inside it, an object holding it, or a field it must agree with); with `mustFail`
 *   (an unknown field in a closed object) only the 4xx. A `__proto__` or `constructor.prototype` key is
 *   valid JSON, but fastify refuses the body as "not valid JSON": only `prototypeKeyNamed` cases insist that
 *   such a key be named like any other field (a known gap, kept to its own test).
 * - `resource`: 404 JOB_NOT_FOUND or ROUTE_NOT_FOUND, or 400 naming `id` (or the URL, when it does not decode).
 * - `header`: the route's success, or 400 naming the header, 415 for a type that is not JSON, or 422 for
 *   an Idempotency-Key already used with another body.
 */
export type Expect =
  | { readonly kind: 'body'; readonly path: JsonPath | null; readonly mustFail: boolean; readonly prototypeKeyNamed?: true }
  | { readonly kind: 'resource' }
  | { readonly kind: 'header'; readonly header: string };

export interface FuzzRequest {
  readonly method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
  readonly url: string;
  readonly route: Route | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | null;
  readonly expect: Expect;
  /** One line: route, base request, mutation. */
  readonly recipe: string;
}

// ---- paths in the server's words (src/core/validate.ts) ---------------------------------------------------

const PLAIN_KEY = /^[^\s.[\]"'\\\p{C}]+$/u;

/** `['groups', 0, 'a.b']` → `groups[0]["a.b"]` */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (!PLAIN_KEY.test(segment)) out += `[${JSON.stringify(segment)}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

const PATH_TOKEN = /(?:^|\.)([^\s.[\]"'\\\p{C}]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/uy;

/** The inverse of `formatPath`; null when `text` is not a well-formed path. */
export function parsePath(text: string): JsonPath | null {
  const path: Segment[] = [];
  PATH_TOKEN.lastIndex = 0;
  while (PATH_TOKEN.lastIndex < text.length) {
    const at = PATH_TOKEN.lastIndex;
    const match = PATH_TOKEN.exec(text);
    if (match === null || (at > 0 && match[1] !== undefined && text[at] !== '.')) return null;
    if (match[1] !== undefined) path.push(match[1]);
    else if (match[2] !== undefined) path.push(Number(match[2]));
    else path.push(JSON.parse(match[3] ?? '""') as string);
  }
  return path;
}

const startsWith = (path: JsonPath, prefix: JsonPath) => prefix.length <= path.length && prefix.every((s, i) => s === path[i]);
const siblings = (a: JsonPath, b: JsonPath) => a.length === b.length && a.length > 0 && startsWith(a, b.slice(0, -1));

/**
 * Whether a problem at `problem` names the change at `changed`: the field itself, a field inside it, an
 * object holding it (not the root, unless the root changed), or a sibling of it or of its parent (fields
 * that must agree: `cache_length` with `max_length`, `prompts` with `query`, `correct` with `rewards`).
 */
export function namesChange(problem: JsonPath, changed: JsonPath): boolean {
  if (startsWith(changed, problem)) return problem.length > 0 || changed.length === 0;
  if (startsWith(problem, changed)) return true;
  return siblings(problem, changed) || (changed.length > 1 && siblings(problem, changed.slice(0, -1)));
}

// ---- valid requests (README "Example", "Wire format", SPEC §3) -------------------------------------------

interface Base {
  readonly name: string;
  readonly route: Route;
  readonly body: Json;
  /** Grading it starts a sandbox: huge arrays of it would run thousands of programs. */
  readonly code?: true;
}

const PARIS = '<think>\nFrance.\n</think>\n<answer>\nParis\n</answer>';
const README_EXAMPLE: Json = {
  groups: [{ id: 'q1', task: { type: 'text', answer: 'Paris' }, completions: [PARIS, 'Lyon'] }],
  rewards: { accuracy: 1, format: 1 },
  advantage: { preset: 'trl' },
};

export const BASES: readonly Base[] = [
  { name: 'readme-example', route: '/v1/grade', body: README_EXAMPLE },
  {
    name: 'wire-format',
    route: '/v1/grade',
    body: {
      groups: [
        {
          id: 'gsm8k-17',
          prompt: 'What is 1/2 of 1? Think in <think>, answer in <answer>.',
          task: { type: 'text', answer: ['1/2', '0.5'] },
          completions: ['<think>Half of one.</think> <answer>1/2</answer>', { text: '<think>Half of one is', finish_reason: 'length', num_tokens: 4096 }],
          target_language: 'en',
        },
        { id: 'mmlu-3', task: { type: 'text', answer: 'B', choices: ['Mercury', 'Venus', 'Mars'], case_sensitive: false }, completions: ['<think>Second planet.</think><answer>(B)</answer>'] },
      ],
      rewards: { accuracy: 1, format: { weight: 0.5, mode: 'r1' }, language: 1 },
      advantage: { preset: 'trl', scale: 'group' },
    },
  },
  {
    name: 'math-all-components',
    route: '/v1/grade',
    body: {
      groups: [
        {
          id: 'half',
          prompt: [{ role: 'user', content: 'What is 1/2 of 1?' }],
          task: { type: 'math', answer: ['\\frac{1}{2}', '0.5'], require_think: false, last_number: false, log_base: 'either' },
          completions: ['<think>Half.</think> <answer>1/2</answer>', { text: 'So \\boxed{0.5}', finish_reason: 'length', num_tokens: 12 }, 'no idea'],
        },
      ],
      rewards: {
        accuracy: 1,
        format: { weight: 0.5, mode: 'tag_count' },
        language: { weight: 0.1, target: 'en' },
        length: { mode: 'dapo', max_length: 64, cache_length: 16, penalty_factor: 1 },
        repetition: { ngram_size: 2, max_penalty: -0.5 },
        cosine: { max_length: 100, min_value_wrong: -1, max_value_wrong: -0.5, min_value_correct: 0.5, max_value_correct: 1, clamp: true },
        stop_properly: { coef: 0.5 },
      },
      advantage: { preset: 'verl', estimator: 'rloo', scale: 'batch', epsilon: 0.001, std: 'population', fallback_reward: 0 },
    },
  },
  {
    name: 'code-javascript',
    route: '/v1/grade',
    code: true,
    body: {
      groups: [
        {
          task: {
            type: 'code',
            language: 'javascript',
            entry_point: 'add',
            tests: [{ args: [1, 2], expected: 3 }, { call: 'add', args: [0, 0], expected: 0 }, { input: '', output: '' }],
            time_limit_ms: 500,
            memory_limit_mb: 64,
            max_output_bytes: 1024,
            compare: 'exact',
            abs_tol: 1e-6,
            rel_tol: 1e-6,
            scoring: 'fraction',
          },
          completions: ['```js\nfunction add(a, b) { return a + b; }\n```'],
        },
      ],
    },
  },
  {
    name: 'code-python',
    route: '/v1/grade',
    code: true,
    body: {
      groups: [
        {
          task: { type: 'code', language: 'python', tests: [{ input: '1 2\n', output: '3\n' }], time_limit_ms: 500, compare: 'tokens' },
          completions: ['```python\na, b = map(int, input().split())\nprint(a + b)\n```'],
        },
      ],
    },
  },
  { name: 'job', route: '/v1/jobs', body: README_EXAMPLE },
  {
    name: 'advantages',
    route: '/v1/advantages',
    body: { groups: [{ id: 'g', rewards: [1, 0, null, 0.5], correct: [true, false, false, false] }, { rewards: [2] }], advantage: { preset: 'openrlhf', scale: 'group' } },
  },
  {
    name: 'openrlhf',
    route: '/get_reward',
    body: {
      query: ['<|im_start|>user 2+2?<|im_end|>4<|im_end|>', 'Lyon'],
      prompts: ['<|im_start|>user 2+2?<|im_end|>', ''],
      labels: ['4', { type: 'text', answer: 'Paris' }],
    },
  },
];

/** Every property name the request schemas declare: an "unknown field" is generated outside this set. */
function propertyNames(schema: TSchema, into: Set<string>): Set<string> {
  const s = schema as TSchema & { properties?: Record<string, TSchema>; anyOf?: TSchema[]; items?: TSchema };
  for (const [key, child] of Object.entries(s.properties ?? {})) {
    into.add(key);
    propertyNames(child, into);
  }
  for (const member of s.anyOf ?? []) propertyNames(member, into);
  if (s.items !== undefined && s[Kind] === 'Array') propertyNames(s.items, into);
  return into;
}
// `group` (a slice of a group split across requests) would make a request wait for the other slices.
const KNOWN_KEYS = propertyNames(AdvantageRequest, propertyNames(GradeRequest, new Set(['query', 'prompts', 'labels', 'group'])));

/** Objects that take any field: the OpenRLHF body (trainer upgrades), chat messages, call arguments and expectations. */
function isOpenObject(route: Route, path: JsonPath): boolean {
  if (route === '/get_reward' && path.length === 0) return true;
  if (path.includes('args') || path.includes('expected')) return true;
  const prompt = path.indexOf('prompt');
  return prompt >= 0 && typeof path[prompt + 1] === 'number';
}

// ---- values ---------------------------------------------------------------------------------------------

function at(root: Json, path: JsonPath): Json | undefined {
  let node: Json | undefined = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[segment as number] : Object.hasOwn(node, segment) ? node[segment as string] : undefined;
  }
  return node;
}

/** Every path in a value, the root included, with the kind of value found there. */
function pathsOf(root: Json): Array<{ path: JsonPath; kind: 'array' | 'object' | 'string' | 'number' | 'other' }> {
  const out: Array<{ path: JsonPath; kind: 'array' | 'object' | 'string' | 'number' | 'other' }> = [];
  const visit = (value: Json, path: JsonPath) => {
    if (Array.isArray(value)) {
      out.push({ path, kind: 'array' });
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      out.push({ path, kind: 'object' });
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    } else out.push({ path, kind: typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'other' });
  };
  visit(root, []);
  return out;
}

type Edit = { readonly op: 'replace'; readonly value: Json } | { readonly op: 'delete' } | { readonly op: 'add'; readonly key: string; readonly value: Json } | { readonly op: 'append'; readonly value: Json };

/** A copy of `root` with one edit at `path`; own properties only (`__proto__` stays a plain key). */
function edited(root: Json, path: JsonPath, edit: Edit): Json {
  if (path.length === 0) {
    if (edit.op === 'replace') return edit.value;
    if (edit.op === 'add' && root !== null && typeof root === 'object' && !Array.isArray(root)) return withKey(root, edit.key, edit.value);
    if (edit.op === 'append' && Array.isArray(root)) return [...root, edit.value];
    return root;
  }
  const [head, ...rest] = path;
  if (Array.isArray(root) && typeof head === 'number') {
    if (rest.length === 0 && edit.op === 'delete') return root.filter((_, i) => i !== head);
    return root.map((item, i) => (i === head ? edited(item, rest, edit) : item));
  }
  if (root !== null && typeof root === 'object' && !Array.isArray(root) && typeof head === 'string') {
    const copy: { [key: string]: Json } = {};
    for (const [key, value] of Object.entries(root)) {
      if (key === head && rest.length === 0 && edit.op === 'delete') continue;
      Object.defineProperty(copy, key, { value: key === head ? edited(value, rest, edit) : value, enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  return root;
}

function withKey(object: { [key: string]: Json }, key: string, value: Json): Json {
  const copy: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(object)) Object.defineProperty(copy, k, { value: v, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 3 });

const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '', ' ', '\u0000', '\u0007\b\f\v', '\u001f', '\u007f', '\u2028\u2029', '\ufeff', '\u202e', 'e\u0301', '👍🏽', '中文', 'NaN', 'Infinity', '-0', '1e999',
    'null', 'true', '[]', '{}', '__proto__', 'constructor', '<script>', '\\', '"', '../../etc/passwd', '%00', 'A'.repeat(257), 'javascript', 'python',
    'typescript', 'math', 'text', 'code', 'trl', 'verl', 'openrlhf', 'kimi', 'dapo', 'length', 'stop', 'r1', 'tag_count', 'solve', 'Solution.solve', '1bad',
    'a.b.', 'en', 'zh', 'latin', 'xx', 'batch', 'none', 'population', 'fraction', 'all', 'float', 'tokens',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  loneSurrogates,
);

const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, -0.5, 1.5, 2, 1e308, -1e308, 5e-324, 2 ** 53 + 2, -(2 ** 53), 7, 8, 32, 33, 1000, 1001, -1000, -1001, 4095, 4096, 4097),
  fc.constantFrom(8192, 8193, 60_000, 60_001, 100_000, 100_001, 16_777_216, 16_777_217, 600_000),
  fc.double({ noNaN: true }),
  fc.integer(),
);

const nastyKey: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom('rewardz', 'Groups', 'extra', '', ' ', 'a.b', '7', '0', 'x[0]', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '\u0000', 'é', '🙂', 'type '),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
    fc.string({ unit: 'binary-ascii', maxLength: 6 }),
  )
  .filter((key) => !KNOWN_KEYS.has(key));

const { nasty: nastyValue } = fc.letrec<{ nasty: Json }>((tie) => ({
  nasty: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: nastyString, weight: 4 },
    { arbitrary: nastyNumber, weight: 4 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.array(tie('nasty'), { maxLength: 4 }), weight: 2 },
    { arbitrary: fc.dictionary(nastyKey, tie('nasty'), { maxKeys: 4 }) as fc.Arbitrary<Json>, weight: 2 },
  ),
}));

// ---- cases ----------------------------------------------------------------------------------------------

const short = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 100)}…(${text.length} chars)` : text;
};

function jsonCase(base: Base, body: Json, expect: Expect, change: string): FuzzRequest {
  return bodyCase(base, Buffer.from(JSON.stringify(body), 'utf8'), expect, change);
}

function bodyCase(base: Base, body: Buffer, expect: Expect, change: string, headers: Readonly<Record<string, string>> = { 'content-type': 'application/json' }): FuzzRequest {
  return withRecipe({ method: 'POST', url: base.route, route: base.route, headers, body, expect, recipe: `POST ${base.route} ${base.name}: ${change}` });
}

function withRecipe(request: FuzzRequest): FuzzRequest {
  Object.defineProperty(request, fc.toStringMethod, { value: () => request.recipe, enumerable: false });
  return request;
}

const base = fc.constantFrom(...BASES);

/** A place in a base request and one edit there: replace, delete, add a field, append an element. */
const oneMutation: fc.Arbitrary<FuzzRequest> = base.chain((b) => {
  const paths = pathsOf(b.body);
  const objects = paths.filter((p) => p.kind === 'object');
  const arrays = paths.filter((p) => p.kind === 'array');
  const replace = fc.tuple(fc.constantFrom(...paths), nastyValue).map(([{ path }, value]) =>
    jsonCase(b, edited(b.body, path, { op: 'replace', value }), { kind: 'body', path, mustFail: false }, `${formatPath(path) || '(root)'} = ${short(value)}`),
  );
  const remove = fc.constantFrom(...paths.filter((p) => p.path.length > 0)).map(({ path }) =>
    jsonCase(b, edited(b.body, path, { op: 'delete' }), { kind: 'body', path, mustFail: false }, `delete ${formatPath(path)}`),
  );
  const add = fc.tuple(fc.constantFrom(...objects), nastyKey, nastyValue).map(([{ path }, key, value]) => {
    const target = [...path, key];
    const fresh = !Object.hasOwn(at(b.body, path) as object, key);
    const expect: Expect = { kind: 'body', path: target, mustFail: fresh && !isOpenObject(b.route, path) };
    return jsonCase(b, edited(b.body, path, { op: 'add', key, value }), expect, `add ${formatPath(target)} = ${short(value)}`);
  });
  const append = fc.tuple(fc.constantFrom(...arrays), fc.oneof(nastyValue, fc.constant<'copy'>('copy'))).map(([{ path }, item]) => {
    const list = at(b.body, path) as Json[];
    const value = item === 'copy' ? (list[0] ?? null) : item;
    return jsonCase(b, edited(b.body, path, { op: 'append', value }), { kind: 'body', path: [...path, list.length], mustFail: false }, `append to ${formatPath(path) || '(root)'}: ${short(value)}`);
  });
  return fc.oneof({ arbitrary: replace, weight: 5 }, { arbitrary: remove, weight: 2 }, { arbitrary: add, weight: 3 }, { arbitrary: append, weight: 2 });
});

/** The valid requests themselves, with a different but valid completion or answer text: these may grade. */
const validVariant: fc.Arbitrary<FuzzRequest> = base.chain((b) => {
  const strings = pathsOf(b.body).filter((p) => p.kind === 'string' && (p.path.includes('completions') || p.path.includes('answer') || p.path.includes('query') || p.path.includes('prompt') || p.path.includes('content')));
  if (strings.length === 0) return fc.constant(jsonCase(b, b.body, { kind: 'body', path: null, mustFail: false }, 'unchanged'));
  return fc.tuple(fc.constantFrom(...strings), fc.oneof(nastyString, fc.string({ unit: 'grapheme', maxLength: 400 }))).map(([{ path }, value]) =>
    jsonCase(b, edited(b.body, path, { op: 'replace', value }), { kind: 'body', path, mustFail: false }, `${formatPath(path)} = ${short(value)}`),
  );
});

/** One request of the mutation property. */
export const mutatedRequest: fc.Arbitrary<FuzzRequest> = fc.oneof({ arbitrary: oneMutation, weight: 4 }, { arbitrary: validVariant, weight: 1 });

/** A unique string to serialise in place of a value, then swap for raw bytes. */
const HOLE = 'FUZZ-HOLE-7f3a9c';

function spliced(b: Base, path: JsonPath, raw: Buffer, change: string): FuzzRequest {
  const json = JSON.stringify(edited(b.body, path, { op: 'replace', value: HOLE }));
  const hole = `"${HOLE}"`;
  const [before, after] = [json.slice(0, json.indexOf(hole)), json.slice(json.indexOf(hole) + hole.length)];
  const body = Buffer.concat([Buffer.from(before, 'utf8'), raw, Buffer.from(after, 'utf8')]);
  return bodyCase(b, body, { kind: 'body', mustFail: false, path }, change);
}

const NOT_JSON_LITERALS = ['NaN', 'Infinity', '-Infinity', '+1', '01', '1.', '.5', '0x10', '1e', '1_000', 'undefined', 'True', "'x'", '[1,]', '{"a":1,}', '/*c*/1', '1 2', '"\\x41"', '"\\u12"', '{a:1}'];
const CONTROL_BYTES = fc.integer({ min: 0, max: 0x1f }).map((c) => Buffer.from([c]));
const INVALID_UTF8 = [[0xff], [0xfe], [0xc3], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xe2, 0x82]].map((bytes) => Buffer.from(bytes));

/** Bodies broken at the byte level: literals JSON does not have, raw control characters, cuts, trailing garbage, a BOM. */
export const rawRequest: fc.Arbitrary<FuzzRequest> = base.chain((b) => {
  const paths = pathsOf(b.body);
  const valuePaths = paths.filter((p) => p.path.length > 0);
  const strings = paths.filter((p) => p.kind === 'string');
  const json = Buffer.from(JSON.stringify(b.body), 'utf8');
  return fc.oneof(
    fc.tuple(fc.constantFrom(...valuePaths), fc.constantFrom(...NOT_JSON_LITERALS)).map(([{ path }, literal]) => spliced(b, path, Buffer.from(literal), `${formatPath(path)} = ${literal}`)),
    fc.tuple(fc.constantFrom(...strings), CONTROL_BYTES).map(([{ path }, byte]) => spliced(b, path, Buffer.concat([Buffer.from('"a'), byte, Buffer.from('b"')]), `raw 0x${byte.toString('hex')} in ${formatPath(path)}`)),
    fc.nat(json.length - 1).map((cut) => bodyCase(b, json.subarray(0, cut), { kind: 'body', mustFail: false, path: null }, `cut at byte ${cut} of ${json.length}`)),
    fc.constantFrom('}', ',', 'x', '\u0000', '{}', ' \n\t', '[]', '"', '\ufeff').map((tail) => bodyCase(b, Buffer.concat([json, Buffer.from(tail)]), { kind: 'body', mustFail: false, path: null }, `followed by ${JSON.stringify(tail)}`)),
    fc.constant(bodyCase(b, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json]), { kind: 'body', mustFail: false, path: null }, 'after a byte-order mark')),
    fc.constant(bodyCase(b, Buffer.alloc(0), { kind: 'body', mustFail: false, path: null }, 'empty body')),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => bodyCase(b, Buffer.from(bytes), { kind: 'body', mustFail: false, path: null }, `random bytes ${Buffer.from(bytes).toString('hex')}`)),
  );
});

/** A string of the body holding bytes that are not UTF-8. */
export const invalidUtf8Request: fc.Arbitrary<FuzzRequest> = base.chain((b) => {
  const strings = pathsOf(b.body).filter((p) => p.kind === 'string');
  return fc.tuple(fc.constantFrom(...strings), fc.constantFrom(...INVALID_UTF8)).map(([{ path }, bytes]) =>
    spliced(b, path, Buffer.concat([Buffer.from('"ok'), bytes, Buffer.from('ok"')]), `bytes ${bytes.toString('hex')} inside ${formatPath(path)}`),
  );
});

/**
 * A value nested `depth` deep (arrays or objects), as raw JSON text (JSON.stringify itself would overflow the
 * stack); mostly where the schema takes any value (call arguments and expectations, OpenRLHF labels, chat
 * messages), where nothing stops it before the grader.
 */
export const deepRequest: fc.Arbitrary<FuzzRequest> = base.chain((b) => {
  const paths = pathsOf(b.body);
  const open = paths.filter(({ path }) => path.includes('args') || path.includes('expected') || path.includes('labels') || path.includes('prompt'));
  const place = open.length === 0 ? fc.constantFrom(...paths) : fc.oneof({ arbitrary: fc.constantFrom(...open), weight: 3 }, { arbitrary: fc.constantFrom(...paths), weight: 1 });
  return fc
    .tuple(place, fc.constantFrom(20, 100, 1_000, 5_000, 20_000, 100_000), fc.boolean())
    .map(([{ path }, depth, arrays]) => {
      const text = arrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const change = `${formatPath(path) || '(root)'} = ${arrays ? '[' : '{"a":'} × ${depth}`;
      return spliced(b, path, Buffer.from(text), change);
    });
});

/** Strings of up to 3 MiB and arrays past their limits (completions 4,097, groups 100,001, tests 1,001, …). */
export const hugeRequest: fc.Arbitrary<FuzzRequest> = base.chain((b) => {
  const paths = pathsOf(b.body);
  const strings = paths.filter((p) => p.kind === 'string');
  const arrays = paths.filter((p) => p.kind === 'array');
  const hugeString = fc
    // Not fence markers or answer tags: the code extractor scans those in quadratic time on the API's own event
    // loop, which here is the test's (src/verifiers/code/fuzz.test.ts finds that, bounded).
    .tuple(fc.constantFrom(...strings), fc.constantFrom('x', 'é', '🙂', '\u0000', '\\', '"', '<think>'), fc.constantFrom(300, 10_000, 100_000, 1_000_000, 1_900_000, 3_000_000))
    .map(([{ path }, unit, length]) => {
      const value = unit.repeat(Math.ceil(length / unit.length));
      return jsonCase(b, edited(b.body, path, { op: 'replace', value }), { kind: 'body', path, mustFail: false }, `${formatPath(path)} = ${JSON.stringify(unit)}.repeat(${Math.ceil(length / unit.length)})`);
    });
  const hugeArray = fc
    .tuple(fc.constantFrom(...arrays), fc.constantFrom(27, 65, 1_001, 4_097, 10_000, 100_001), fc.oneof(nastyValue, fc.constant<'copy'>('copy')))
    .map(([{ path }, length, item]) => {
      const list = at(b.body, path) as Json[];
      // Copies of a code group would be valid and run thousands of programs: code requests get filler values.
      // Valid copies of a whole group stop at 1,001 groups, so no request grades for seconds and slows the rest.
      const copy = item === 'copy' && b.code !== true;
      const value = copy ? (list[0] ?? null) : item === 'copy' ? 0 : item;
      const count = copy && path.length === 1 && path[0] === 'groups' ? Math.min(length, 1_001) : length;
      return jsonCase(b, edited(b.body, path, { op: 'replace', value: Array.from({ length: count }, () => value) }), { kind: 'body', path, mustFail: false }, `${formatPath(path) || '(root)'} = [${short(value)} × ${count}]`);
    });
  return fc.oneof(hugeString, hugeArray);
});

const ROUTES: readonly Route[] = ['/v1/grade', '/v1/jobs', '/v1/advantages', '/get_reward'];

/** Any JSON at all (and request-shaped objects with wrong types everywhere) to any route. */
export const randomBodyRequest: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.constantFrom(...ROUTES),
    fc.oneof(
      fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>,
      nastyValue,
      fc.record({ groups: nastyValue, rewards: nastyValue, advantage: nastyValue }, { requiredKeys: [] }) as fc.Arbitrary<Json>,
      fc.record({ groups: fc.array(fc.record({ id: nastyValue, task: nastyValue, completions: nastyValue, prompt: nastyValue }, { requiredKeys: [] }), { maxLength: 3 }) }) as fc.Arbitrary<Json>,
      fc.record({ query: nastyValue, prompts: nastyValue, labels: nastyValue }, { requiredKeys: [] }) as fc.Arbitrary<Json>,
    ),
  )
  .map(([route, body]) => bodyCase({ name: 'random', route, body }, Buffer.from(JSON.stringify(body) ?? 'null', 'utf8'), { kind: 'body', path: [], mustFail: false }, short(body)));

const JOB_ROUTES = fc.constantFrom<['GET' | 'DELETE', string]>(['GET', ''], ['DELETE', ''], ['GET', '/events']);

function jobCase(id: string, [method, suffix]: ['GET' | 'DELETE', string]): FuzzRequest {
  return withRecipe({ method, url: `/v1/jobs/${id}${suffix}`, route: null, headers: {}, body: null, expect: { kind: 'resource' }, recipe: `${method} /v1/jobs/${id}${suffix}` });
}

/** Job ids with path characters and encodings, up to the router's 100 characters; GET, DELETE and the event stream. */
export const jobIdRequest: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc
      .oneof(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map(encodeURIComponent),
        fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 20 }).map(encodeURIComponent),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,100}$/),
        fc.constantFrom('..', '%2e%2e', '..%2f..%2fetc%2fpasswd', '%00', 'a%2Fb', 'x'.repeat(100), '%20', '~', 'a;b', 'a?b=1', '*', '%25', '%2525'),
      )
      .filter((id) => id.length <= 100),
    JOB_ROUTES,
  )
  .map(([id, route]) => jobCase(id, route));

/** What fastify's router refuses before any handler: percent-encodings that do not decode, ids past 100 characters (JobId allows 128). */
export const routerRefusedRequest: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_-]{101,140}$/),
      fc.constantFrom('%ZZ', '%C0%AF', '%FF', '%', '%E2%82', 'a%', '%u0041', '%ED%A0%80'),
    ),
    JOB_ROUTES,
  )
  .map(([id, route]) => jobCase(id, route));

/** A valid body with odd headers: Idempotency-Key values, content types, methods. */
export const headerRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...BASES.filter((b) => b.route === '/v1/grade' && b.code !== true)), fc.oneof(fc.constantFrom('', ' ', 'k'.repeat(257), 'k'.repeat(256)), fc.stringMatching(/^[!-~]{1,300}$/)))
    .map(([b, key]) => bodyCase(b, Buffer.from(JSON.stringify(b.body)), { kind: 'header', header: 'idempotency-key' }, `idempotency-key ${short(key)}`, { 'content-type': 'application/json', 'idempotency-key': key })),
  fc
    .tuple(
      base,
      fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'application/json; charset=latin1', 'APPLICATION/JSON', 'application/json;', 'application/vnd.api+json', '*/*', 'application/octet-stream'),
    )
    .map(([b, type]) => bodyCase(b, Buffer.from(JSON.stringify(b.body)), { kind: 'header', header: 'content-type' }, `content-type ${type}`, { 'content-type': type })),
  fc
    .tuple(base, fc.constantFrom<'PUT' | 'PATCH' | 'GET'>('PUT', 'PATCH', 'GET'))
    .map(([b, method]) => withRecipe({ method, url: b.route, route: null, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? null : Buffer.from(JSON.stringify(b.body)), expect: { kind: 'resource' }, recipe: `${method} ${b.route}` })),
);

/** A `__proto__` key, or `constructor` holding `prototype`, added at any object of a valid request. */
export const prototypeKeyRequest: fc.Arbitrary<FuzzRequest> = base.chain((b) => {
  const objects = pathsOf(b.body).filter((p) => p.kind === 'object');
  return fc
    .tuple(fc.constantFrom(...objects), fc.constantFrom('__proto__', 'constructor'), nastyValue)
    .map(([{ path }, key, value]) => {
      const added: Json = key === 'constructor' ? withKey({}, 'prototype', value) : value;
      const target = [...path, key];
      const expect: Expect = { kind: 'body', path: target, mustFail: !isOpenObject(b.route, path), prototypeKeyNamed: true };
      return jsonCase(b, edited(b.body, path, { op: 'add', key, value: added }), expect, `add ${formatPath(target)} = ${short(added)}`);
    });
});
