/** `arbiter demo` (`npm start`): grades the bundled demo file in process and prints its summary. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { packagePath } from '../core/package-root.ts';
import { executeGrade } from './grade-command.ts';
import { resolveGradeOptions } from './grade-options.ts';

/** The demo input: text tasks in the R1 template, right, wrong, untagged and truncated completions. */
export const DEMO_INPUT_PATH = packagePath('test-fixtures', 'demo.jsonl');

/**
 * Declares `demo` on a command created by the program.
 * @example configureDemoCommand(program.command('demo'))
 */
export function configureDemoCommand(command: Command): Command {
  return command
    .description('grade test-fixtures/demo.jsonl in process and print the summary (the results go to a temporary file)')
    .action(async () => {
      const dir = await mkdtemp(join(tmpdir(), 'arbiter-demo-'));
      try {
        const options = await resolveGradeOptions(DEMO_INPUT_PATH, { output: join(dir, 'out.jsonl') }, process.env);
        process.stdout.write(`arbiter demo: grading ${DEMO_INPUT_PATH}\n`);
        process.exitCode = await executeGrade(options, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
}
