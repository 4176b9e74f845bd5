/**
 * The options of one `arbiter grade` run, resolved once: flag > config file > environment (loadConfig) >
 * default. Flags arrive as the strings the user typed; every check happens here, so the job sees only
 * valid, complete options.
 */
import { resolve } from 'node:path';
import { formatProblem } from '../core/errors.ts';
import { AdvantageConfig, type AdvantagePreset } from '../core/schemas/advantage.ts';
import { COMPONENT_NAMES, RewardsConfig, type ComponentName } from '../core/schemas/rewards.ts';
import { listProblems } from '../core/validate.ts';
import { loadConfig } from '../config/config.ts';
import { resolveClientOptions } from '../client/index.ts';
import { CliError } from './cli-error.ts';
import { loadConfigFile } from './config-file.ts';

/** Groups per grading call when neither flag nor config file says. */
export const DEFAULT_BATCH_SIZE = 256;

/** The flags of `arbiter grade`, as commander hands them over. */
export interface GradeFlags {
  readonly output?: string;
  readonly config?: string;
  readonly rewards?: string;
  readonly weights?: string;
  readonly preset?: AdvantagePreset;
  readonly scale?: 'group' | 'batch' | 'none';
  readonly threads?: string;
  readonly timeoutMs?: string;
  readonly batchSize?: string;
  readonly resume?: boolean;
  readonly keepCorrect?: string;
  readonly k?: string;
  readonly quiet?: boolean;
  readonly summaryJson?: string;
  readonly url?: string;
  readonly maxRetries?: string;
}

/** Where `--url` sends the batches. */
export interface RemoteGrading {
  /** The server's base URL. */
  readonly url: string;
  /** Retries of each batch; null: the SDK's default (2). */
  readonly maxRetries: number | null;
}

/** Everything one grading run needs. */
export interface GradeJobOptions {
  /** JSONL input; `-` reads stdin. */
  readonly inputPath: string;
  /** JSONL output; null writes to stdout. */
  readonly outputPath: string | null;
  /** Reward configuration; null: the grader's default (R1: accuracy + format). */
  readonly rewards: RewardsConfig | null;
  /** Advantage configuration; null: the grader's default (trl preset). */
  readonly advantage: AdvantageConfig | null;
  readonly threads: number;
  readonly completionTimeoutMs: number;
  /** Groups per grading call (with `scale: batch`, the std is taken over one call). Default 256. */
  readonly batchSize: number;
  readonly resume: boolean;
  readonly keepCorrectPath: string | null;
  /** pass@k values; null: powers of two up to the largest group. */
  readonly ks: readonly number[] | null;
  readonly quiet: boolean;
  readonly summaryJsonPath: string | null;
  /** `--url`: grade on an Arbiter server through the SDK (API key: ARBITER_API_KEY); null: in process. */
  readonly remote: RemoteGrading | null;
}

/**
 * A whole number ≥ 1 typed by the user.
 * @example parsePositiveInt('8', '--threads') // 8
 */
export function parsePositiveInt(text: string, flag: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new CliError(`${flag}: expected a whole number ≥ 1, got "${text}"`);
  return value;
}

/**
 * A whole number ≥ 0 typed by the user.
 * @example parseCount('0', '--max-retries') // 0
 */
export function parseCount(text: string, flag: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value)) throw new CliError(`${flag}: expected a whole number ≥ 0, got "${text}"`);
  return value;
}

/** `--url` and `--max-retries`, checked by the SDK's own option rules. */
function remoteGrading(flags: GradeFlags, env: Record<string, string | undefined>): RemoteGrading | null {
  if (flags.url === undefined) {
    if (flags.maxRetries !== undefined) throw new CliError('--max-retries: only with --url');
    return null;
  }
  try {
    if (flags.url.trim() === '') throw new TypeError('empty');
    const { baseUrl } = resolveClientOptions({ baseUrl: flags.url }, env);
    return { url: baseUrl, maxRetries: flags.maxRetries === undefined ? null : parseCount(flags.maxRetries, '--max-retries') };
  } catch (error) {
    if (error instanceof TypeError) throw new CliError(`--url: expected http(s)://host[:port][/prefix], got "${flags.url}"`);
    throw error;
  }
}

/**
 * `--weights accuracy=1,format=0.5`: component weights by name.
 * @example parseWeights('accuracy=1,format=0.5') // { accuracy: 1, format: 0.5 }
 */
export function parseWeights(text: string): Partial<Record<ComponentName, number>> {
  const weights: Partial<Record<ComponentName, number>> = {};
  for (const item of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const match = /^([a-z_]+)\s*=\s*(\S+)$/.exec(item);
    const name = match?.[1] as ComponentName | undefined;
    const weight = Number(match?.[2]);
    if (name === undefined || !COMPONENT_NAMES.includes(name)) {
      throw new CliError(`--weights: "${item}" is not name=weight with name one of ${COMPONENT_NAMES.join(', ')}`);
    }
    if (match?.[2] === undefined || !Number.isFinite(weight)) throw new CliError(`--weights: "${item}": the weight is not a number`);
    weights[name] = weight;
  }
  if (Object.keys(weights).length === 0) throw new CliError('--weights: expected name=weight[,name=weight…]');
  return weights;
}

/**
 * `--k 1,4,16`: pass@k values, ascending, without repeats.
 * @example parseKList('16,1,4,4') // [1, 4, 16]
 */
export function parseKList(text: string): number[] {
  const ks = text.split(',').map((s) => s.trim()).filter((s) => s !== '').map((s) => parsePositiveInt(s, '--k'));
  if (ks.length === 0) throw new CliError('--k: expected a list such as 1,4,16');
  return [...new Set(ks)].sort((a, b) => a - b);
}

/** Sets the weight of each named component, keeping the options of one given as an object. */
function applyWeights(base: RewardsConfig, weights: Partial<Record<ComponentName, number>>): RewardsConfig {
  const out: Record<string, unknown> = { ...base };
  for (const [name, weight] of Object.entries(weights)) {
    const current = out[name];
    out[name] = typeof current === 'object' && current !== null ? { ...current, weight } : weight;
  }
  return out as RewardsConfig;
}

function parseJsonFlag(flag: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${flag}: invalid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function checked<T>(schema: Parameters<typeof listProblems>[0], value: unknown, prefix: string): T {
  const problems = listProblems(schema, value, prefix);
  if (problems.length > 0) throw new CliError(problems.map(formatProblem).join('; '));
  return value as T;
}

/**
 * Resolves the options of a run from its input path, flags and environment.
 * @example await resolveGradeOptions('in.jsonl', { output: 'out.jsonl', weights: 'accuracy=1' }, process.env)
 */
export async function resolveGradeOptions(inputPath: string, flags: GradeFlags, env: Record<string, string | undefined>): Promise<GradeJobOptions> {
  const file = flags.config === undefined ? {} : await loadConfigFile(flags.config);
  const environment = loadConfig(env);

  let rewards: RewardsConfig | null = flags.rewards === undefined ? (file.rewards ?? null) : checked<RewardsConfig>(RewardsConfig, parseJsonFlag('--rewards', flags.rewards), 'rewards');
  if (flags.weights !== undefined) rewards = checked<RewardsConfig>(RewardsConfig, applyWeights(rewards ?? {}, parseWeights(flags.weights)), 'rewards');

  let advantage: AdvantageConfig | null = file.advantage ?? null;
  if (flags.preset !== undefined) advantage = { ...advantage, preset: flags.preset };
  if (flags.scale !== undefined) advantage = { ...advantage, scale: flags.scale };
  if (advantage !== null) advantage = checked<AdvantageConfig>(AdvantageConfig, advantage, 'advantage');

  const threads = flags.threads === undefined ? (file.threads ?? environment.threads) : parsePositiveInt(flags.threads, '--threads');
  if (threads > 256) throw new CliError('--threads: at most 256');
  const outputPath = flags.output === undefined || flags.output === '-' ? null : flags.output;
  if (flags.resume === true && outputPath === null) throw new CliError('--resume needs -o FILE: it appends to that file');
  if (outputPath !== null && inputPath !== '-' && resolve(outputPath) === resolve(inputPath)) throw new CliError('-o: the output file is the input file');

  return {
    inputPath,
    outputPath,
    rewards,
    advantage,
    threads,
    completionTimeoutMs: flags.timeoutMs === undefined ? (file.completion_timeout_ms ?? environment.completionTimeoutMs) : parsePositiveInt(flags.timeoutMs, '--timeout-ms'),
    batchSize: flags.batchSize === undefined ? (file.batch_size ?? DEFAULT_BATCH_SIZE) : parsePositiveInt(flags.batchSize, '--batch-size'),
    resume: flags.resume === true,
    keepCorrectPath: flags.keepCorrect ?? null,
    ks: flags.k === undefined ? null : parseKList(flags.k),
    quiet: flags.quiet === true,
    summaryJsonPath: flags.summaryJson ?? null,
    remote: remoteGrading(flags, env),
  };
}
