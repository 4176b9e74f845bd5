/**
 * Validation at the edges (HTTP, CLI lines, queue payloads, config): a TypeBox schema check that reports
 * every problem by JSON path in the caller's words (`groups[3].completions[0]: expected string`).
 */
import { Kind, type TSchema, type Static } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { AppError, type ErrorCode, type Problem } from './errors.ts';

const MAX_PROBLEMS = 50;

/** `/groups/3/completions/0` → `groups[3].completions[0]` */
export function toFieldPath(pointer: string, prefix = ''): string {
  let out = prefix;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(segment) ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out;
}

type Schema = TSchema & { anyOf?: TSchema[]; properties?: Record<string, TSchema>; const?: unknown; type?: unknown };

function describeKind(schema: Schema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const kind = String(schema[Kind]).toLowerCase();
  return kind === 'object' ? 'object' : kind;
}

/** For a union that failed, the member the value was evidently meant to be (by `type` tag or by shape). */
function intendedMember(members: readonly Schema[], value: unknown): Schema | null {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (isObject) {
    const tag = (value as Record<string, unknown>)['type'];
    const tagged = members.filter((m) => m.properties?.['type']?.const !== undefined);
    if (tagged.length > 0) return tagged.find((m) => m.properties?.['type']?.const === tag) ?? null;
    const objects = members.filter((m) => m[Kind] === 'Object' || m[Kind] === 'Record');
    return objects.length === 1 ? (objects[0] ?? null) : null;
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
  return `expected ${[...new Set(members.map(describeKind))].join(' or ')}`;
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
    const path = toFieldPath(error.path, prefix);
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
