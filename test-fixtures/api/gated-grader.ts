/**
 * A Grader that holds every `grade` call at a gate until the test opens it, then delegates to a real
 * grader: lets a test observe a job while it is queued or running without racing the thread pool.
 */
import type { Grader } from '../../src/grading/grader.ts';

export interface GatedGrader extends Grader {
  /** Lets every held and future call through. */
  open(): void;
  /** `grade` calls received so far (held or not). */
  readonly calls: number;
}

export function gate(inner: Grader): GatedGrader {
  let release: () => void = () => {};
  const opened = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  return {
    async grade(request, options) {
      calls += 1;
      await opened;
      return inner.grade(request, options);
    },
    close: () => inner.close(),
    open: () => release(),
    get calls() {
      return calls;
    },
  };
}
