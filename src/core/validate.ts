/**
 * Validation at the edges (HTTP, CLI lines, queue payloads, config): a TypeBox schema check that reports
 * every problem by JSON path in the caller's words (`groups[3].completions[0]: expected string`).
 */
import { Kind, type TSchema, type Static } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { AppError, type ErrorCode, type Problem } from './errors.ts';

const MAX_PROBLEMS = 50;

const NO_ROOT: unique symbol = Symbol('no root');
// A key that reads back unambiguously after a dot: no whitespace, dots, brackets, quotes, backslashes or
// invisible characters. Others are quoted (`groups[0][""]`, `groups[0]["a.b"]`), so every path names one field.
const PLAIN_KEY = /^[^\s.[\]"'\\\p{C}]+$/u;

/**
 * `/groups/3/completions/0` → `groups[3].completions[0]`. With `root` (the value the pointer points into), an
 * object key made of digits stays a key (`groups[0].3`, not `groups[0][3]`); without it, digits read as an index.
 * @example toFieldPath('/groups/0/a.b', '', { groups: [{ 'a.b': 1 }] }) // 'groups[0]["a.b"]'
 */
export function toFieldPath(pointer: string, prefix = '', root: unknown = NO_ROOT): string {
  let out = prefix;
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const index = /^\d+$/.test(segment) && (node === NO_ROOT || Array.isArray(node));
    if (index) out += `[${segment}]`;
    else if (!PLAIN_KEY.test(segment)) out += `[${JSON.stringify(segment)}]`;
    else out += out === '' ? segment : `.${segment}`;
    if (node !== NO_ROOT) node = typeof node === 'object' && node !== null && Object.hasOwn(node, segment) ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return out;
}

type Schema = TSchema & { anyOf?: TSchema[]; properties?: Record<string, TSchema>; required?: string[]; const?: unknown; type?: unknown };

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function describeKind(schema: Schema, value: unknown): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const kind = String(schema[Kind]).toLowerCase();
  // An object that matches no object member: say which fields each one needs (`{input, output}`).
  if (kind === 'object' && isPlainObject(value)) return `{${(schema.required ?? []).join(', ')}}`;
  return kind;
}

/** Among untagged object members, the one that declares most of the value's fields, when exactly one does. */
function closestObject(objects: readonly Schema[], value: Record<string, unknown>): Schema | null {
  const keys = Object.keys(value);
  const scores = objects.map((m) => keys.filter((k) => Object.hasOwn(m.properties ?? {}, k)).length);
  const best = Math.max(...scores);
  const winners = objects.filter((_, i) => scores[i] === best);
  return best > 0 && winners.length === 1 ? (winners[0] ?? null) : null;
}

/** For a union that failed, the member the value was evidently meant to be (by `type` tag or by shape). */
function intendedMember(members: readonly Schema[], value: unknown): Schema | null {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (isObject) {
    const tag = (value as Record<string, unknown>)['type'];
    const tagged = members.filter((m) => m.properties?.['type']?.const !== undefined);
    if (tagged.length > 0) return tagged.find((m) => m.properties?.['type']?.const === tag) ?? null;
    const objects = members.filter((m) => m[Kind] === 'Object' || m[Kind] === 'Record');
    return objects.length === 1 ? (objects[0] ?? null) : closestObject(objects, value as Record<string, unknown>);
  }
  if (Array.isArray(value)) {
    const arrays = members.filter((m) => m[Kind] === 'Array');
    return arrays.length === 1 ? (arrays[0] ?? null) : null;
  }
  return null;
}

function unionMessage(members: readonly Schema[], value: unknown): string {
  const tags = members.map((m) => m.properties?.['type']?.const).filter((t) => t !== undefined);
  if (tags.length > 0 && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return `type: expected one of ${tags.map((t) => JSON.stringify(t)).join(', ')}`;
  }
  return `expected ${[...new Set(members.map((m) => describeKind(m, value)))].join(' or ')}`;
}

function messageOf(error: ValueError): string {
  switch (error.type) {
    case ValueErrorType.ObjectAdditionalProperties:
      return 'unknown field';
    case ValueErrorType.ObjectRequiredProperty:
      return 'required';
    default:
      return error.message.charAt(0).toLowerCase() + error.message.slice(1);
  }
}

function collect(schema: TSchema, value: unknown, prefix: string, problems: Problem[], seen: Set<string>): void {
  for (const error of Value.Errors(schema, value)) {
    if (problems.length >= MAX_PROBLEMS) return;
    const path = toFieldPath(error.path, prefix, value);
    const failed = error.schema as Schema;
    if (error.value === undefined && error.type !== ValueErrorType.ObjectAdditionalProperties) {
      if (!seen.has(path)) problems.push({ path, message: 'required' });
      seen.add(path);
      continue;
    }
    if (failed[Kind] === 'Union' && failed.anyOf) {
      const member = intendedMember(failed.anyOf, error.value);
      if (member) {
        collect(member, error.value, path, problems, seen);
        continue;
      }
      if (seen.has(path)) continue;
      seen.add(path);
      problems.push({ path, message: unionMessage(failed.anyOf, error.value) });
      continue;
    }
    if (seen.has(path)) continue; // one problem per field: "required" hides the type error behind it
    seen.add(path);
    problems.push({ path, message: messageOf(error) });
  }
}

/** Every problem of `value` against `schema`, by JSON path, capped at 50. */
export function listProblems(schema: TSchema, value: unknown, prefix = ''): Problem[] {
  const problems: Problem[] = [];
  collect(schema, value, prefix, problems, new Set());
  return problems;
}

/**
 * A compiled validator: fast `check` on the happy path, full problem list only on failure.
 * @example const parseRequest = createValidator(GradeRequest); const request = parseRequest(body);
 */
export function createValidator<T extends TSchema>(schema: T, code: ErrorCode = 'REQUEST_INVALID', prefix = '') {
  // Compiled on first use: compiling costs tens of ms, and a process start-up loads many validators it never calls.
  let compiled: TypeCheck<T> | null = null;
  return (value: unknown): Static<T> => {
    compiled ??= TypeCompiler.Compile(schema);
    if (compiled.Check(value)) return value;
    throw new AppError(code, 'invalid input', listProblems(schema, value, prefix));
  };
}
