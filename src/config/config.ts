/**
 * One environment schema with defaults and descriptions (README "Configuration"). `loadConfig()` validates
 * once and freezes; everything else receives the resulting object.
 */
import { availableParallelism } from 'node:os';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { AppError } from '../core/errors.ts';
import { listProblems } from '../core/validate.ts';

const IntString = (description: string) => Type.String({ pattern: '^[0-9]+$', description });

export const EnvSchema = Type.Object({
  ARBITER_THREADS: Type.Optional(IntString('Worker threads of the grading pool. Default: the number of CPUs.')),
  ARBITER_COMPLETION_TIMEOUT_MS: Type.Optional(
    IntString('Hard limit on grading one completion; past it the thread is killed and the completion gets status timeout. Default 10000.'),
  ),
  LOG_LEVEL: Type.Optional(
    Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), {
      description: 'pino log level. Default info.',
    }),
  ),
});

export interface Config {
  /** Worker threads of the grading pool. Default: CPUs. */
  readonly threads: number;
  /** Hard per-completion grading limit in ms. Default 10000. */
  readonly completionTimeoutMs: number;
  /** pino level. Default info. */
  readonly logLevel: string;
}

/**
 * Validates the environment once and returns a frozen config.
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(Object.keys(EnvSchema.properties).filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  if (!Value.Check(EnvSchema, relevant)) throw new AppError('CONFIG_INVALID', 'invalid environment', listProblems(EnvSchema, relevant));
  const env_ = relevant as Static<typeof EnvSchema>;
  const threads = env_.ARBITER_THREADS === undefined ? availableParallelism() : Number(env_.ARBITER_THREADS);
  const completionTimeoutMs = env_.ARBITER_COMPLETION_TIMEOUT_MS === undefined ? 10_000 : Number(env_.ARBITER_COMPLETION_TIMEOUT_MS);
  if (threads < 1 || threads > 256) throw new AppError('CONFIG_INVALID', 'invalid environment', [{ path: 'ARBITER_THREADS', message: 'must be 1..256' }]);
  if (completionTimeoutMs < 1) throw new AppError('CONFIG_INVALID', 'invalid environment', [{ path: 'ARBITER_COMPLETION_TIMEOUT_MS', message: 'must be ≥ 1' }]);
  return Object.freeze({ threads, completionTimeoutMs, logLevel: env_.LOG_LEVEL ?? 'info' });
}
