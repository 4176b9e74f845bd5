/**
 * An honest code problem: a correct solution that must pass and a subtly wrong one that must fail.
 * Completions are model-style text with the program in a fenced block.
 */
import type { CodeTask } from '../../src/core/schemas/task.ts';
import type { Status } from '../../src/core/schemas/result.ts';

export interface HonestFixture {
  readonly task: CodeTask;
  readonly correct: string;
  readonly wrong: string;
  /** The status the wrong solution gets. */
  readonly wrongStatus: Status;
}

/** Wraps a program in a fenced block the way a model answers. */
export function fenced(tag: string, program: string): string {
  return `<think>Let me write it.</think>\nHere is my solution:\n\n\`\`\`${tag}\n${program.trim()}\n\`\`\`\n`;
}
