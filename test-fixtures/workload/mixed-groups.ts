/**
 * Deterministic groups of the four task types a reasoning run grades — math, text, JavaScript and Python —
 * for the chaos run and the load bench. A group's `id` is part of its content (and so of its queue job
 * id), so a new id is new work the queue cannot reuse.
 */
import type { Group } from '../../src/core/schemas/request.ts';
import { seededRandom } from '../../src/core/seeded-random.ts';
import { HONEST_FIXTURES } from '../code/index.ts';
import type { HonestFixture } from '../code/fixture.ts';
import { HONEST_PYTHON_FIXTURES } from '../code-python/index.ts';

export const TASK_KINDS = ['math', 'text', 'javascript', 'python'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** Golds and answers a model gives for them, right and wrong (bench/e2e.ts draws on them too). */
export const MATH_ANSWERS: readonly (readonly [gold: string, said: readonly string[]])[] = [
  ['\\frac{1}{2}', ['1/2', '0.5', '\\frac{2}{4}', '1/3']],
  ['42', ['42', '\\boxed{42}', '41', '42.0']],
  ['2\\sqrt{2}', ['\\sqrt{8}', '2\\sqrt2', '2.83', '3']],
  ['x^2+2x+1', ['(x+1)^2', 'x^2+2x+1', 'x^2+1', '(x-1)^2']],
  ['[1, 3)', ['[1,3)', '[1, 3]', '(1,3)', '[1, 3)']],
  ['25\\%', ['25\\%', '0.25', '1/4', '20\\%']],
];
const CAPITALS = ['Paris', 'Rome', 'Madrid', 'Berlin', 'Vienna', 'Lisbon', 'Athens', 'Warsaw'];

/** Honest problems that finish fast (the slow ones time out on purpose and would dominate a run). */
const quick = (fixtures: Readonly<Record<string, HonestFixture>>) => Object.entries(fixtures).filter(([name]) => !name.includes('times-out')).map(([, f]) => f);
let codeFixtures: { javascript: HonestFixture[]; python: HonestFixture[] } | null = null;

function r1(think: string, answer: string): string {
  return `<think>\n${think}\n</think>\n<answer>\n${answer}\n</answer>`;
}

/**
 * One group of `size` completions of the given kind; the same (kind, id, size) always gives the same group.
 * @example mixedGroup('python', 'run7-12', 8)
 */
export function mixedGroup(kind: TaskKind, id: string, size: number): Group {
  let hash = 0;
  for (const char of `${kind}:${id}`) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const random = seededRandom(hash);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const steps = () => Array.from({ length: 3 + Math.floor(random() * 30) }, (_, k) => `step ${k}: check the case`).join('\n');
  if (kind === 'math') {
    const [gold, said] = pick(MATH_ANSWERS);
    return { id, task: { type: 'math', answer: gold }, completions: Array.from({ length: size }, () => r1(steps(), pick(said))) };
  }
  if (kind === 'text') {
    const answer = pick(CAPITALS);
    return { id, task: { type: 'text', answer }, completions: Array.from({ length: size }, () => (random() < 0.9 ? r1(steps(), random() < 0.5 ? answer : pick(CAPITALS)) : steps())) };
  }
  codeFixtures ??= { javascript: quick(HONEST_FIXTURES), python: quick(HONEST_PYTHON_FIXTURES) };
  const fixture = pick(codeFixtures[kind]);
  return { id, task: fixture.task, completions: Array.from({ length: size }, () => (random() < 0.5 ? fixture.correct : fixture.wrong)) };
}
