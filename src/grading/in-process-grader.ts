/** The embedded Grader: a worker-thread pool in this process and sandbox child processes for code; no Redis. */
import { createGradingPool, type GradingPool, type GradingPoolOptions } from './pool.ts';
import type { Grader } from './grader.ts';
import { gradeOnPool } from './pipeline.ts';
import { createCodeRunner } from './code-runner.ts';
import { createJavaScriptSandbox } from '../../sandboxes/javascript/supervisor.ts';
import { createPythonCodeSandbox } from '../../sandboxes/python/code-sandbox.ts';

/**
 * Builds the in-process grader. Threads start on first use; `close()` stops them.
 * @example const grader = createInProcessGrader({ threads: 2, completionTimeoutMs: 10_000 });
 *          const response = await grader.grade(request); await grader.close();
 */
export function createInProcessGrader(options: GradingPoolOptions): Grader & { readonly threadsReplaced: number; readonly pool: GradingPool } {
  const pool = createGradingPool(options);
  // One JavaScript sandbox for JS and TS and one Python jail pool, each started on its first code task,
  // with as many processes (or concurrent jails) as the pool has threads.
  const javascript = () => createJavaScriptSandbox({ processes: options.threads });
  const code = createCodeRunner({ javascript, typescript: javascript, python: () => createPythonCodeSandbox({ concurrency: options.threads }) });
  return {
    // For ways in that run other kinds of unit on the same threads (the CLI's line units).
    pool,
    grade: (request, gradeOptions) => gradeOnPool({ pool, code }, request, gradeOptions),
    get threadsReplaced() {
      return pool.threadsReplaced;
    },
    close: async () => {
      await Promise.all([pool.close(), code.close()]);
    },
  };
}
