/** `arbiter grade --config FILE.json`: grading options kept in a file, validated once against a schema. */
import { readFile } from 'node:fs/promises';
import { Type, type Static } from '@sinclair/typebox';
import { formatProblem } from '../core/errors.ts';
import { AdvantageConfig } from '../core/schemas/advantage.ts';
import { RewardsConfig } from '../core/schemas/rewards.ts';
import { listProblems } from '../core/validate.ts';
import { CliError } from './cli-error.ts';

/** The config file: every key optional, unknown keys rejected. Flags override it; it overrides the environment. */
export const CliConfigFile = Type.Object(
  {
    rewards: Type.Optional(RewardsConfig),
    advantage: Type.Optional(AdvantageConfig),
    threads: Type.Optional(Type.Integer({ minimum: 1, maximum: 256, description: 'Grading threads. Default: ARBITER_THREADS, else the CPUs.' })),
    completion_timeout_ms: Type.Optional(
      Type.Integer({ minimum: 1, description: 'Hard limit on grading one completion. Default: ARBITER_COMPLETION_TIMEOUT_MS, else 10000.' }),
    ),
    batch_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'Groups per grading call. Default 256.' })),
  },
  { additionalProperties: false },
);

export type CliConfigFile = Static<typeof CliConfigFile>;

/**
 * Reads and validates a config file; a CliError names the file and every bad key.
 * @example await loadConfigFile('grade.json') // { rewards: { accuracy: 1 }, batch_size: 64 }
 */
export async function loadConfigFile(path: string): Promise<CliConfigFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`--config ${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(`--config ${path}: invalid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const problems = listProblems(CliConfigFile, value);
  if (problems.length > 0) throw new CliError(`--config ${path}: ${problems.map(formatProblem).join('; ')}`);
  return value as CliConfigFile;
}
