/** The embedded Grader: a worker-thread pool in this process, no Redis. */
import { createGradingPool, type GradingPoolOptions } from './pool.ts';
import type { Grader } from './grader.ts';
import { gradeOnPool } from './pipeline.ts';

/**
 * Builds the in-process grader. Threads start on first use; `close()` stops them.
 * @example const grader = createInProcessGrader({ threads: 2, completionTimeoutMs: 10_000 });
 *          const response = await grader.grade(request); await grader.close();
 */
export function createInProcessGrader(options: GradingPoolOptions): Grader & { readonly threadsReplaced: number } {
  const pool = createGradingPool(options);
  return {
    grade: (request, gradeOptions) => gradeOnPool(pool, request, gradeOptions),
    get threadsReplaced() {
      return pool.threadsReplaced;
    },
    close: () => pool.close(),
  };
}
