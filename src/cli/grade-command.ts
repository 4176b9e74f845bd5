/** `arbiter grade`: the command's flags and help, and a run wired to the in-process grader. */
import { writeFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import { createInProcessGrader } from '../grading/in-process-grader.ts';
import { CliError } from './cli-error.ts';
import { runGradeJob } from './grade-job.ts';
import type { LineRunner } from './line-job.ts';
import type { LineUnitResult } from './line-unit.ts';
import { DEFAULT_BATCH_SIZE, resolveGradeOptions, type GradeFlags, type GradeJobOptions } from './grade-options.ts';
import { formatSummary } from './summary-format.ts';

const HELP_AFTER = `
Input: one group per line, as in a request's "groups" (README "Wire format"):
  {"id": "q1", "prompt": "…", "task": {"type": "text", "answer": "Paris"}, "completions": ["…", …]}
  Blank lines are skipped. A bad line (invalid JSON or not a group) is reported on stderr with its line
  number, e.g. "line 17: groups.completions[0]: expected string or object"; the other lines are still graded.
  A group without an id gets "line-<N>".

Output: one line per group, in input order: {"id": …, "results": [{reward, status, components,
  advantage, answer, details}, …], "stats": {…}}, written batch by batch as grading goes.

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

Example:
  arbiter grade in.jsonl -o out.jsonl --weights accuracy=1,format=0.5 --preset verl --k 1,4,16
`;

// The threads serve both paths: per-group units (default export) and line units (gradeLines).
const LINE_WORKER_URL = new URL(`./line-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Declares `grade` on a commander command created by the program (so it inherits exitOverride).
 * @example configureGradeCommand(program.command('grade'))
 */
export function configureGradeCommand(command: Command): Command {
  return command
    .description('grade a JSONL file of groups in process (no server) and print a summary')
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

/**
 * Runs a grading job on a fresh in-process grader, prints or writes the summary, and returns the exit
 * status (1 when some input lines were bad). SIGINT/SIGTERM stop it; a rerun with --resume continues.
 * @example process.exitCode = await executeGrade(options, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
 */
export async function executeGrade(options: GradeJobOptions, streams: GradeStreams): Promise<number> {
  const grader = createInProcessGrader({ threads: options.threads, completionTimeoutMs: options.completionTimeoutMs, workerUrl: LINE_WORKER_URL });
  const runLines: LineRunner = (unit) => grader.pool.runWatched<LineUnitResult>('gradeLines', (progress) => ({ ...unit, ...progress }));
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
      runLines,
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
