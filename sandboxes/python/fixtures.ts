/** Test helpers: fixture programs by name, and short limits that keep the suites fast. */
import { readFileSync } from 'node:fs';
import type { RunLimits, TestInput } from './types.ts';

export function honest(name: string): string {
  return readFileSync(new URL(`../../test-fixtures/python/${name}.py`, import.meta.url), 'utf8');
}

export function hostile(name: string): string {
  return readFileSync(new URL(`../../test-fixtures/hostile-python/${name}.py`, import.meta.url), 'utf8');
}

export const FAST: RunLimits = { timeLimitMs: 1000, memoryLimitMb: 256 };

export const stdio = (stdin: string): TestInput => ({ kind: 'stdio', stdin });
export const call = (fn: string, ...args: unknown[]): TestInput => ({ kind: 'call', fn, argsJson: JSON.stringify(args) });
