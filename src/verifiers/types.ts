/**
 * Contract between the task verifiers, the reward components and the grading pipeline.
 * Verdicts are data: a wrong, empty or malformed completion is a verdict with a status, never an exception.
 */
import type { Status } from '../core/schemas/result.ts';
import type { NormalizedCompletion } from '../core/schemas/completion.ts';
import type { Task } from '../core/schemas/task.ts';
import type { ComponentName } from '../core/schemas/rewards.ts';

/** What a task verifier says about one completion. `score` is null when the completion is unscorable. */
export interface Verdict {
  readonly status: Status;
  /** 1 correct, 0 wrong, a fraction for partial credit; null when unscorable (invalid reference, unsupported task, …). */
  readonly score: number | null;
  /** The extracted final answer, when there is one. */
  readonly answer: string | null;
  /** JSON-serialisable, deterministic (no timings): reason, extraction source, … */
  readonly details: Record<string, unknown>;
}

/** A task verifier: pure, synchronous, bounded by the pool's hard timeout. */
export type TaskVerifier<T extends Task = Task> = (task: T, completion: NormalizedCompletion) => Verdict;

/** What one group shares with each of its completions while they are scored. */
export interface GroupContext {
  readonly task: Task;
  /** The prompt as plain text (chat messages joined), or null. */
  readonly prompt: string | null;
  /** Target language from the group or the request, or null for "infer from the prompt". */
  readonly targetLanguage: string | null;
}

/** Per-completion outcome computed in a pool worker; group-level components are added on the host. */
export interface CompletionScore {
  readonly verdict: Verdict;
  /** Unweighted values of the per-completion components that were requested (group-level ones absent). */
  readonly components: Partial<Record<ComponentName, number | null>>;
  /** Length used by length rewards, and its unit. */
  readonly length: number;
  readonly lengthUnit: 'tokens' | 'chars';
  /** Component details, keyed by component name (e.g. details.language = { target, words, target_words }). */
  readonly details: Record<string, unknown>;
}
