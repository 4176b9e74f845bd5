import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeCompletion } from '../../core/schemas/completion.ts';
import { PATHOLOGICAL_CASES } from '../../../test-fixtures/math/pathological.ts';
import type { MathTask } from '../../core/schemas/task.ts';
import { verifyMath } from './verify.ts';

interface FixtureCase {
  readonly gold: string | string[];
  readonly prediction: string;
  readonly expected: string;
  readonly category: string;
  /** Task options for this case (`require_think`, `last_number`, `log_base`, `require_reduced_fractions`, `inequality_interval`, `angle_units`). */
  readonly options?: Omit<MathTask, 'type' | 'answer'>;
}

const cases = readFileSync(new URL('../../../test-fixtures/math/cases.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as FixtureCase);

describe('math fixtures (test-fixtures/math/cases.jsonl)', () => {
  it('has at least 400 cases, with negatives in every category', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    const categories = new Set(cases.map((c) => c.category));
    for (const category of categories) expect(cases.some((c) => c.category === category && c.expected !== 'correct'), category).toBe(true);
  });

  it.each(cases.map((c, i) => [i + 1, c.category, c] as const))('case %i (%s) gets its expected status', (_line, _category, c) => {
    const verdict = verifyMath({ type: 'math', answer: c.gold, ...c.options }, normalizeCompletion(c.prediction));
    expect(verdict.status, `gold ${JSON.stringify(c.gold)} prediction ${JSON.stringify(c.prediction)} → ${JSON.stringify(verdict)}`).toBe(c.expected);
  });
});

describe('math pathological inputs (test-fixtures/math/pathological.ts)', () => {
  it.each(PATHOLOGICAL_CASES.map((c) => [c.name, c] as const))('answers %s within 250 ms, never correct', (_name, c) => {
    const started = performance.now();
    const verdict = verifyMath({ type: 'math', answer: c.gold }, normalizeCompletion(c.prediction));
    const elapsedMs = performance.now() - started;
    expect(elapsedMs).toBeLessThan(250);
    expect(['incorrect', 'no_answer', 'invalid_reference']).toContain(verdict.status);
  });
});
