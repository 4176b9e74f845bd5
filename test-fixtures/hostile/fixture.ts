/**
 * A hostile program: it tries to game the grader or to take the sandbox down. It must score 0 with one of
 * the `allowed` statuses (or be contained), and the sandbox must keep serving afterwards. `then` is a
 * second, honest-looking completion run right after, on the same sandbox, that must get `status`.
 */
import type { CodeTask } from '../../src/core/schemas/task.ts';
import type { Status } from '../../src/core/schemas/result.ts';

export interface HostileFixture {
  readonly task: CodeTask;
  readonly completion: string;
  readonly allowed: readonly Status[];
  readonly then?: { readonly completion: string; readonly status: Status };
}

/** Wraps a program in a fenced JavaScript block. */
export function js(program: string): string {
  return `\`\`\`js\n${program.trim()}\n\`\`\`\n`;
}

/** A function-call task `add(a, b)` with three tests and a short time limit. */
export const ADD_TASK: CodeTask = {
  type: 'code',
  language: 'javascript',
  time_limit_ms: 500,
  memory_limit_mb: 32,
  tests: [
    { call: 'add', args: [1, 2], expected: 3 },
    { call: 'add', args: [10, -4], expected: 6 },
    { call: 'add', args: [0, 0], expected: 0 },
  ],
};

/** A stdio task: print the sum of two numbers, with a short time limit and a 64 KiB output cap. */
export const SUM_STDIO_TASK: CodeTask = {
  type: 'code',
  language: 'javascript',
  time_limit_ms: 500,
  memory_limit_mb: 32,
  max_output_bytes: 65_536,
  tests: [
    { input: '1 2\n', output: '3\n' },
    { input: '10 -4\n', output: '6\n' },
  ],
};
