/**
 * Code tasks are verified in sandbox child processes, asynchronously, on the host (never in a pool thread):
 * the sandboxes enforce their own hard limits (SIGKILL watchdogs), so the host only waits on IPC. Each
 * sandbox starts on the first task of its language and is shared by every group after that.
 */
import type { NormalizedCompletion } from '../core/schemas/completion.ts';
import type { CodeTask } from '../core/schemas/task.ts';
import type { CodeSandbox } from '../../sandboxes/javascript/protocol.ts';
import { verifyCode } from '../verifiers/code/verify.ts';
import type { Verdict } from '../verifiers/types.ts';

type Language = CodeTask['language'];

export interface CodeRunner {
  /** The verdict of one completion of a code task; never rejects because of the program. */
  verify(task: CodeTask, completion: NormalizedCompletion): Promise<Verdict>;
  /** Kills the sandboxes' processes. */
  close(): Promise<void>;
}

/** How to build the sandbox of each language; several languages may share one factory. */
export type SandboxFactories = Partial<Record<Language, () => CodeSandbox>>;

/**
 * Builds a runner over lazily started sandboxes.
 * @example const code = createCodeRunner({ javascript: js, typescript: js }); await code.verify(task, completion);
 */
export function createCodeRunner(factories: SandboxFactories): CodeRunner {
  const started = new Map<() => CodeSandbox, CodeSandbox>();
  const noSandbox: CodeSandbox = {
    languages: [],
    run: () => Promise.reject(new Error('unreachable: verifyCode checks languages first')),
    close: () => Promise.resolve(),
  };
  let closed = false;

  function sandboxFor(language: Language): CodeSandbox {
    const factory = factories[language];
    if (factory === undefined || closed) return noSandbox;
    let sandbox = started.get(factory);
    if (sandbox === undefined) {
      sandbox = factory();
      started.set(factory, sandbox);
    }
    return sandbox;
  }

  return {
    verify: (task, completion) => verifyCode(task, completion, { sandbox: sandboxFor(task.language) }),
    async close() {
      closed = true;
      await Promise.all([...started.values()].map((s) => s.close()));
      started.clear();
    },
  };
}
