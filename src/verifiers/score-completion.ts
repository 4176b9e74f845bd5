/**
 * Scores one completion in a pool worker: the task verdict, then each requested per-completion component.
 * Pure and deterministic (no clocks in details); the Kimi length reward is group-level (finish-group.ts).
 * Hot path: regexes are hoisted, the language target is resolved once per group.
 */
import type { NormalizedCompletion } from '../core/schemas/completion.ts';
import type { ComponentName } from '../core/schemas/rewards.ts';
import type { CompletionScore, GroupContext, Verdict } from './types.ts';
import type { ResolvedRewards } from './reward-config.ts';
import { verifyTask } from './registry.ts';
import { formatReward } from './format.ts';
import { languageConsistency } from './language.ts';
import { resolveLanguageTarget, type LanguageTarget } from './language-targets.ts';
import { completionLength, dapoOverlong } from './length.ts';
import { repetitionPenalty } from './repetition.ts';
import { cosineScaled } from './cosine.ts';

// A group's completions share one context object (also after the structured clone into a worker).
const targets = new WeakMap<GroupContext, LanguageTarget>();

function targetOf(ctx: GroupContext, configured: string | null): LanguageTarget {
  let target = targets.get(ctx);
  if (target === undefined) {
    // The group's target_language overrides the request's rewards.language.target.
    target =
      ctx.targetLanguage !== null
        ? resolveLanguageTarget(ctx.targetLanguage, ctx.prompt, 'target_language')
        : resolveLanguageTarget(configured, ctx.prompt);
    targets.set(ctx, target);
  }
  return target;
}

/**
 * Verdict and per-completion components (unweighted) of one completion. `verdict` is passed in when the
 * task was verified elsewhere (code runs in sandbox processes, asynchronously); by default the registry's.
 * @example scoreCompletion({ task: { type: 'text', answer: '4' }, prompt: null, targetLanguage: null },
 *   { text: '<think>2+2</think><answer>4</answer>', finishReason: 'stop', numTokens: null }, resolveRewards())
 *   // components { accuracy: 1, format: 1 }
 */
export function scoreCompletion(
  ctx: GroupContext,
  completion: NormalizedCompletion,
  rewards: ResolvedRewards,
  verdict: Verdict = verifyTask(ctx.task, completion),
): CompletionScore {
  const { length, unit } = completionLength(completion);
  const components: Partial<Record<ComponentName, number | null>> = {};
  const details: Record<string, unknown> = {};
  const text = completion.text;
  for (const name of rewards.components) {
    switch (name) {
      case 'accuracy':
        components.accuracy = verdict.score;
        break;
      case 'format': {
        const format = formatReward(text, rewards.format?.mode ?? 'r1');
        components.format = format.value;
        details['format'] = format.details;
        break;
      }
      case 'language': {
        const language = languageConsistency(text, targetOf(ctx, rewards.language?.target ?? null));
        components.language = language.value;
        details['language'] = language.details;
        break;
      }
      case 'length':
        if (rewards.length?.mode === 'dapo') components.length = dapoOverlong(length, rewards.length);
        break;
      case 'repetition':
        if (rewards.repetition !== null) components.repetition = repetitionPenalty(text, rewards.repetition.ngram_size, rewards.repetition.max_penalty);
        break;
      case 'cosine':
        if (rewards.cosine !== null) components.cosine = verdict.score === null ? null : cosineScaled(length, verdict.status === 'correct', rewards.cosine);
        break;
    }
  }
  return { verdict, components, length, lengthUnit: unit, details };
}

/**
 * The score of a completion that could not be scored (timeout, crashed worker): every requested
 * per-completion component is null, so its reward is null.
 * @example unscorableScore({ status: 'timeout', score: null, answer: null, details: {} }, completion, rewards).components // { accuracy: null, format: null }
 */
export function unscorableScore(verdict: Verdict, completion: NormalizedCompletion, rewards: ResolvedRewards): CompletionScore {
  const { length, unit } = completionLength(completion);
  const components: Partial<Record<ComponentName, number | null>> = {};
  for (const name of rewards.components) {
    if (name === 'length' && rewards.length?.mode === 'kimi') continue;
    components[name] = null;
  }
  return { verdict, components, length, lengthUnit: unit, details: {} };
}
