/**
 * The one Grader interface every way in uses (CLI, API, queue worker). `main.ts` files choose the
 * implementation: in process (this folder) or through the queue (the service issue).
 */
import type { GradeRequest } from '../core/schemas/request.ts';
import type { GradeResponse, GroupResult } from '../core/schemas/result.ts';

export interface GradeOptions {
  /** Called once per group as soon as its final result is known (with `scale: batch`, all at the end). */
  readonly onGroup?: (index: number, result: GroupResult) => void;
}

export interface Grader {
  /** Grades a validated request. Rejects only for bad requests (AppError 4xx) or infrastructure faults. */
  grade(request: GradeRequest, options?: GradeOptions): Promise<GradeResponse>;
  close(): Promise<void>;
}
