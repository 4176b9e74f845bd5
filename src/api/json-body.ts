/**
 * The one `application/json` body parser: strict UTF-8 (a byte that is not UTF-8 is a 400, never a
 * silent U+FFFD), `JSON.parse`, then one iterative walk that refuses what would hurt later stages —
 * nesting deeper than {@link MAX_DEPTH} (recursive serialisers and validators would overflow the stack:
 * a 500) and prototype keys (`__proto__`, `constructor.prototype`) — each named by its JSON path.
 */
import { AppError, type Problem } from '../core/errors.ts';
import { toFieldPath } from '../core/validate.ts';

/** Deepest nesting of arrays and objects accepted anywhere in a body. */
export const MAX_DEPTH = 256;
const MAX_PROBLEMS = 50;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Problems of an already parsed body: too deep, or prototype keys. */
export function bodyProblems(root: unknown): Problem[] {
  const problems: Problem[] = [];
  const stack: Array<{ value: unknown; pointer: string; depth: number }> = [{ value: root, pointer: '', depth: 0 }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value, pointer, depth } = stack.pop() as { value: unknown; pointer: string; depth: number };
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) {
      problems.push({ path: toFieldPath(pointer, '', root), message: `nested deeper than ${MAX_DEPTH} levels` });
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], pointer: `${pointer}/${i}`, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      const at = `${pointer}/${escape(key)}`;
      const prototypeKey = key === '__proto__' || (key === 'constructor' && typeof child === 'object' && child !== null && Object.hasOwn(child, 'prototype'));
      if (prototypeKey) problems.push({ path: toFieldPath(at, '', root), message: 'unknown field (prototype keys are refused)' });
      else stack.push({ value: child, pointer: at, depth: depth + 1 });
    }
  }
  return problems;
}

/**
 * Parses a request body; throws AppError REQUEST_INVALID saying what is wrong and where.
 * @example parseJsonBody(Buffer.from('{"groups": []}')) // { groups: [] }
 */
export function parseJsonBody(body: Buffer): unknown {
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    throw new AppError('REQUEST_INVALID', 'the body is not valid UTF-8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError('REQUEST_INVALID', `the body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const problems = bodyProblems(value);
  if (problems.length > 0) throw new AppError('REQUEST_INVALID', 'the body cannot be accepted', problems);
  return value;
}
