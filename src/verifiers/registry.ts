/**
 * The verifier registry: one verifier per task type. The math and code verifiers plug in here by replacing
 * their placeholder with an import (`math: verifyMath`); the Record type makes a missing type a compile error.
 */
import type { NormalizedCompletion } from '../core/schemas/completion.ts';
import type { Task, TaskType } from '../core/schemas/task.ts';
import type { TaskVerifier, Verdict } from './types.ts';
import { verifyText } from './text.ts';
import { verifyMath } from './math/verify.ts';

type Registry = { readonly [K in TaskType]: TaskVerifier<Extract<Task, { type: K }>> };

/**
 * A verifier for a task type that has none yet: every completion is `unsupported_task`, score null.
 * @example notInstalled('math verifier not installed yet (issue 3)')
 */
export function notInstalled(reason: string): TaskVerifier {
  const verdict: Verdict = Object.freeze({ status: 'unsupported_task', score: null, answer: null, details: Object.freeze({ reason }) });
  return () => verdict;
}

/** Verifiers by task type. */
export const VERIFIERS: Registry = {
  math: verifyMath,
  // Code runs in sandbox processes, asynchronously: the pipeline calls verifyCode (grading/code-runner.ts).
  code: notInstalled('code is verified by the grading pipeline in its sandboxes, not synchronously'),
  text: verifyText,
};

/**
 * Verifies one completion against its task with the task type's verifier. Verdicts are data: whatever
 * the completion, this returns a verdict; an exception escaping a verifier is a verifier bug and propagates
 * (the pool turns it into an `error` verdict with the message).
 * @example verifyTask({ type: 'text', answer: '4' }, { text: '<answer>4</answer>', finishReason: null, numTokens: null }).status // 'correct'
 */
export function verifyTask(task: Task, completion: NormalizedCompletion): Verdict {
  const verifier = VERIFIERS[task.type] as TaskVerifier;
  return verifier(task, completion);
}
