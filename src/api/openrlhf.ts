/**
 * OpenRLHF's remote reward protocol (shared/reference/trainers.md §4.1) mapped onto a grading request
 * and back. Each (query, prompt, label) is one group of one completion; the label is put into the
 * configured task template; the answer is plain lists of numbers of the length of `query`, never null
 * or NaN (OpenRLHF builds tensors from them).
 */
import { Value } from '@sinclair/typebox/value';
import { AppError, type Problem } from '../core/errors.ts';
import type { GradeRequest, Group } from '../core/schemas/request.ts';
import type { GradeResponse } from '../core/schemas/result.ts';
import { Task } from '../core/schemas/task.ts';
import { listProblems } from '../core/validate.ts';
import type { Config } from '../config/config.ts';
import type { OpenRlhfRequest, OpenRlhfResponse } from './schemas.ts';

type OpenRlhfSettings = Config['openrlhf'];

// End-of-sequence and padding tokens the trainer decodes with `skip_special_tokens=False`
// (<|im_end|>, <|endoftext|>, <|eot_id|>, DeepSeek's <｜end▁of▁sentence｜>, </s>, <eos>, <pad>).
const TRAILING_SPECIAL = /(?:\s*(?:<\|[^<>|\s]{1,64}\|>|<｜[^<>｜]{1,64}｜>|<\/s>|<eos>|<pad>))+\s*$/u;
const LEADING_SPECIAL = /^(?:<\|[^<>|\s]{1,64}\|>|<｜[^<>｜]{1,64}｜>|<s>|<bos>)+/u;

/**
 * The response part of an OpenRLHF query: the echoed prompt removed (also when the decoded query has a
 * BOS token the prompt string lacks), trailing special tokens removed.
 * @example completionOf('<|im_start|>user 2+2?<|im_end|>4<|im_end|>', '<|im_start|>user 2+2?<|im_end|>') // '4'
 */
export function completionOf(query: string, prompt: string): string {
  let text = query;
  if (prompt.length > 0) {
    if (text.startsWith(prompt)) text = text.slice(prompt.length);
    else {
      const unprefixed = text.replace(LEADING_SPECIAL, '');
      if (unprefixed.startsWith(prompt)) text = unprefixed.slice(prompt.length);
    }
  }
  return text.replace(TRAILING_SPECIAL, '');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The task of one label: an object label is merged over the template, a scalar or list becomes `answer`. */
function taskOf(label: unknown, template: Readonly<Record<string, unknown>>, index: number, problems: Problem[]): Task | null {
  const path = `labels[${index}]`;
  let candidate: unknown;
  if (isPlainObject(label)) candidate = { ...template, ...label };
  else if (typeof label === 'string' || typeof label === 'number' || typeof label === 'boolean') candidate = { ...template, answer: String(label) };
  else if (Array.isArray(label) && label.length > 0 && label.every((l) => typeof l === 'string' || typeof l === 'number')) {
    candidate = { ...template, answer: label.map(String) };
  } else {
    problems.push({ path, message: 'expected a string, a number, a list of strings or a task object' });
    return null;
  }
  if (Value.Check(Task, candidate)) return candidate;
  problems.push(...listProblems(Task, candidate, path));
  return null;
}

/**
 * The grading request for an OpenRLHF body. Throws REQUEST_INVALID (with paths such as `labels[2].answer`)
 * when the lists differ in length or a label does not make a task.
 */
export function toGradeRequest(body: OpenRlhfRequest, settings: OpenRlhfSettings): GradeRequest {
  const n = body.query.length;
  const problems: Problem[] = [];
  if (body.prompts.length !== n) problems.push({ path: 'prompts', message: `expected ${n} items (one per query), got ${body.prompts.length}` });
  if (body.labels.length !== n) problems.push({ path: 'labels', message: `expected ${n} items (one per query), got ${body.labels.length}` });
  if (problems.length > 0) throw new AppError('REQUEST_INVALID', 'the request is invalid', problems);
  const groups: Group[] = [];
  body.query.forEach((query, i) => {
    const prompt = body.prompts[i] ?? '';
    const task = taskOf(body.labels[i], settings.taskTemplate, i, problems);
    if (task !== null) groups.push({ prompt, task, completions: [completionOf(query, prompt)] });
  });
  if (problems.length > 0) throw new AppError('REQUEST_INVALID', 'the request is invalid', problems);
  return settings.rewards === null ? { groups } : { groups, rewards: settings.rewards };
}

function finiteOr(value: number | null | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/**
 * OpenRLHF's answer: `rewards` (null → the fallback reward), `scores` (the accuracy component in [0, 1],
 * 0 when unscorable; the reward when accuracy is not configured), and `extra_logs` with every component
 * (0 when null), `correct` and `unscorable` as 0/1.
 */
export function toOpenRlhfResponse(response: GradeResponse, fallbackReward: number): OpenRlhfResponse {
  const results = response.groups.map((g) => g.results[0]);
  const names = [...new Set(results.flatMap((r) => Object.keys(r?.components ?? {})))];
  const extra_logs: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, results.map((r) => finiteOr(r?.components[name], 0))]));
  extra_logs['correct'] = results.map((r) => (r?.status === 'correct' ? 1 : 0));
  extra_logs['unscorable'] = results.map((r) => (r?.reward === null || r === undefined ? 1 : 0));
  return {
    rewards: results.map((r) => finiteOr(r?.reward, fallbackReward)),
    scores: results.map((r) => (r !== undefined && 'accuracy' in r.components ? finiteOr(r.components['accuracy'], 0) : finiteOr(r?.reward, 0))),
    extra_logs,
  };
}
