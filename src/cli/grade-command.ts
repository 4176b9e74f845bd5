/** `arbiter grade`: the command's flags and help, and a run wired to the in-process grader or, with --url, to a server. */
import { writeFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import { ArbiterError } from '../client/index.ts';
import type { Grader } from '../grading/grader.ts';
import { createInProcessGrader } from '../grading/in-process-grader.ts';
import { CliError } from './cli-error.ts';
import { runGradeJob } from './grade-job.ts';
import type { LineRunner } from './line-job.ts';
import type { LineUnitResult } from './line-unit.ts';
import { DEFAULT_BATCH_SIZE, resolveGradeOptions, type GradeFlags, type GradeJobOptions } from './grade-options.ts';
import { createRemoteGrader } from './remote-grader.ts';
import { formatSummary } from './summary-format.ts';

const HELP_AFTER = `
Input: one group per line, as in a request's "groups" (README "Wire format"):
  {"id": "q1", "prompt": "…", "task": {"type": "text", "answer": "Paris"}, "completions": ["…", …]}
  Blank lines are skipped. A bad line (invalid JSON or not a group) is reported on stderr with its line
  number, e.g. "line 17: groups.completions[0]: expected string or object"; the other lines are still graded.
  A group without an id gets "line-<N>".

Output: one line per group, in input order: {"id": …, "results": [{reward, status, components,
  advantage, answer, details}, …], "stats": {…}}, written batch by batch as grading goes.

Remote (--url URL): the same input, output, progress, summary and --resume, but each batch is graded by the
  Arbiter server at URL through the TypeScript SDK (src/client): one POST /v1/grade per batch, retried on
  connection errors, 408, 409, 429 and 5xx (honouring Retry-After; --max-retries, default 2) with one
  Idempotency-Key per batch, so a retry never grades twice. The API key is read from ARBITER_API_KEY.
  --threads and --timeout-ms are the server's business there (they are ignored).

Precedence: flag > --config file > environment (ARBITER_THREADS, ARBITER_COMPLETION_TIMEOUT_MS) > default.
  --weights sets weights on top of --rewards (or the config file's rewards), keeping their options.
  With --scale batch the std is taken over one batch (--batch-size groups), not the whole file.

--resume: cuts a partial last line off the output (a crash mid-write), skips the groups whose ids are
  already there and appends the rest. The summary and the --keep-correct file (rewritten in full) cover
  the whole output file, resumed groups included, as an uninterrupted run would.

Summary (stdout, or stderr when the output goes to stdout; not with --quiet): groups, completions, mean
  reward and of each component (non-null values), status counts, pass@1 and unbiased pass@k (Chen et al.
  2021, over groups with at least k completions; correct = status "correct"), maj@k (majority vote over
  the extracted answers, ties to the first; k = the group size, "maj@n" when sizes differ), bad lines,
  elapsed time and completions/s.

Exit status: 0 all lines graded, 1 some input lines were bad, 2 usage or file error, 130 interrupted.

Examples:
  arbiter grade in.jsonl -o out.jsonl --weights accuracy=1,format=0.5 --preset verl --k 1,4,16
  ARBITER_API_KEY=k1 arbiter grade in.jsonl -o out.jsonl --url http://grader:8080 --resume
`;

// The threads serve both paths: per-group units (default export) and line units (gradeLines).
const LINE_WORKER_URL = new URL(`./line-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Declares `grade` on a commander command created by the program (so it inherits exitOverride).
 * @example configureGradeCommand(program.command('grade'))
 */
export function configureGradeCommand(command: Command): Command {
  return command
    .description('grade a JSONL file of groups, in process (no server) or on a server (--url), and print a summary')
    .argument('<in.jsonl>', 'input file, one group per line; - reads stdin')
    .option('-o, --output <file>', 'output JSONL file (default: stdout)')
    .option('--config <file.json>', 'JSON file with any of: rewards, advantage, threads, completion_timeout_ms, batch_size')
    .option('--rewards <json>', `reward components, e.g. '{"accuracy":1,"format":{"weight":0.5,"mode":"think"}}' (default: accuracy + format, weight 1)`)
    .option('--weights <list>', 'component weights, e.g. accuracy=1,format=0.5,language=1')
    .addOption(new Option('--preset <name>', 'advantage preset of a trainer (default: trl)').choices(['trl', 'trl_async', 'verl', 'openrlhf']))
    .addOption(new Option('--scale <mode>', 'GRPO std scaling (default: the preset’s)').choices(['group', 'batch', 'none']))
    .option('--threads <n>', 'grading threads (default: ARBITER_THREADS, else the number of CPUs)')
    .option('--timeout-ms <n>', 'hard limit on grading one completion, in ms (default: ARBITER_COMPLETION_TIMEOUT_MS, else 10000)')
    .option('--batch-size <n>', `groups per grading call; --scale batch takes the std per batch (default: ${DEFAULT_BATCH_SIZE})`)
    .option('--resume', 'append to an existing output, skipping the groups already in it')
    .option('--keep-correct <file>', 'write each correct completion as {id, prompt, completion, answer, reward} (rejection sampling)')
    .option('--k <list>', 'pass@k values, e.g. 1,4,16 (default: powers of 2 up to the group size)')
    .option('--quiet', 'no progress bar and no summary table')
    .option('--summary-json <file>', 'also write the summary as JSON')
    .option('--url <url>', 'grade on the Arbiter server at this URL through the SDK (API key: ARBITER_API_KEY); default: in process')
    .option('--max-retries <n>', 'with --url: retries of each batch on connection errors, 408, 409, 429 and 5xx (default: 2)')
    .addHelpText('after', HELP_AFTER)
    .action(async (input: string, flags: GradeFlags) => {
      const options = await resolveGradeOptions(input, flags, process.env);
      process.exitCode = await executeGrade(options, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
    });
}

/** The streams of a run. */
export interface GradeStreams {
  readonly stdin: Readable;
  readonly stdout: Writable & { readonly isTTY?: boolean };
  readonly stderr: Writable & { readonly isTTY?: boolean };
}

/** The grader of a run: in process, with the line-unit fast path; or a server's, per batch. */
async function graderFor(options: GradeJobOptions, env: Readonly<Record<string, string | undefined>>): Promise<{ grader: Grader; runLines?: LineRunner }> {
  if (options.remote === null) {
    const grader = createInProcessGrader({ threads: options.threads, completionTimeoutMs: options.completionTimeoutMs, workerUrl: LINE_WORKER_URL });
    return { grader, runLines: (unit) => grader.pool.runWatched<LineUnitResult>('gradeLines', (progress) => ({ ...unit, ...progress })) };
  }
  const grader = createRemoteGrader(options.remote, env);
  try {
    // Fail before the output file is opened (and emptied) when the server cannot be reached.
    await grader.client.health({ maxRetries: grader.client.options.retry.maxRetries });
  } catch (error) {
    if (error instanceof ArbiterError) throw new CliError(`--url: cannot reach Arbiter at ${grader.client.baseUrl} (${error.message})`);
    throw error;
  }
  return { grader };
}

/**
 * Runs a grading job on a fresh in-process grader (or, with --url, on a server), prints or writes the
 * summary, and returns the exit status (1 when some input lines were bad). SIGINT/SIGTERM stop it; a
 * rerun with --resume continues.
 * @example process.exitCode = await executeGrade(options, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
 */
export async function executeGrade(options: GradeJobOptions, streams: GradeStreams, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  const { grader, runLines } = await graderFor(options, env);
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= grader.close());
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(130); // second signal: do not wait
    controller.abort();
    streams.stderr.write(`\narbiter: ${signal}: stopping; rerun with --resume to continue\n`);
    void close();
    setTimeout(() => process.exit(130), 5_000).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const summary = await runGradeJob(options, {
      grader,
      ...(runLines === undefined ? {} : { runLines }),
      ...streams,
      showProgress: !options.quiet && streams.stderr.isTTY === true,
      signal: controller.signal,
      nowMs: () => performance.now(),
    });
    if (options.summaryJsonPath !== null) await writeFile(options.summaryJsonPath, `${JSON.stringify(summary, null, 2)}\n`);
    if (!options.quiet) (options.outputPath === null ? streams.stderr : streams.stdout).write(formatSummary(summary));
    return summary.bad_lines > 0 ? 1 : 0;
  } catch (error) {
    if (controller.signal.aborted) throw new CliError('interrupted; the output holds every batch finished so far (rerun with --resume)', 130);
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await close();
  }
}
