/** The `arbiter` command-line program: its commands, --help and --version, and how failures exit. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ArbiterError } from '../client/index.ts';
import { AppError, formatProblem } from '../core/errors.ts';
import { packagePath } from '../core/package-root.ts';
import { CliError } from './cli-error.ts';
import { configureServeCommand } from './serve-command.ts';
import { configureWorkerCommand } from './worker-command.ts';
import { configureDemoCommand } from './demo-command.ts';
import { configureGradeCommand } from './grade-command.ts';

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}

/**
 * Builds the program, unparsed. Commander's own exits are turned into throws (see `exitCodeOf`).
 * @example await buildProgram().parseAsync(['node', 'arbiter', 'grade', 'in.jsonl'])
 */
export function buildProgram(): Command {
  const program = new Command('arbiter')
    .description('Arbiter: rule-based rewards, statuses and trainer-exact GRPO advantages for RLVR completions')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  configureGradeCommand(program.command('grade'));
  configureDemoCommand(program.command('demo'));
  configureServeCommand(program.command('serve'));
  configureWorkerCommand(program.command('worker'));
  return program;
}

/**
 * Reports a failure of the program on `stderr` and returns the exit status: commander's (help and
 * version are 0, usage errors 2; commander has already printed them), a CliError's own, 2 otherwise (an
 * Arbiter server's error under --url is printed with its status, code and request id).
 * @example process.exitCode = exitCodeOf(error, process.stderr)
 */
export function exitCodeOf(error: unknown, stderr: NodeJS.WritableStream): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof CliError) {
    stderr.write(`arbiter: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof ArbiterError) {
    stderr.write(`arbiter: server: ${error.message}\n`);
    return 2;
  }
  if (error instanceof AppError) {
    const detail = error.problems.length > 0 ? error.problems.map(formatProblem).join('; ') : error.message;
    stderr.write(`arbiter: ${error.code}: ${detail}\n`);
    return 2;
  }
  stderr.write(`arbiter: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 2;
}
