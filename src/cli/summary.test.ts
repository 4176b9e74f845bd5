import { describe, expect, it } from 'vitest';
import type { CompletionResult, GroupResult, Status } from '../core/schemas/result.ts';
import { createSummaryAccumulator, tallyGroup } from './summary.ts';
import { formatSummary } from './summary-format.ts';

function completion(status: Status, reward: number | null, answer: string | null, components: Record<string, number | null>): CompletionResult {
  return { reward, status, components, advantage: 0, answer, details: {} };
}

function group(id: string, results: CompletionResult[]): GroupResult {
  return { id, results, stats: { count: results.length, scorable: 0, mean: null, std: null, pass_rate: null, zero_variance: false } };
}

const run = { badLines: 0, resumedGroups: 0, gradedCompletions: 0, elapsedMs: 1000 };

describe('tallyGroup', () => {
  it('counts correct completions and statuses, and skips null rewards and components', () => {
    const tally = tallyGroup(
      group('g', [
        completion('correct', 2, 'A', { accuracy: 1, format: 1 }),
        completion('timeout', null, null, { accuracy: null, format: null }),
        completion('incorrect', 0, 'B', { accuracy: 0, format: 0 }),
      ]),
    );
    expect(tally).toMatchObject({ completions: 3, correct: 1, reward: { sum: 2, count: 2 }, statuses: { correct: 1, timeout: 1, incorrect: 1 } });
    expect(tally.components).toEqual({ accuracy: { sum: 1, count: 2 }, format: { sum: 1, count: 2 } });
  });

  it('counts the majority vote correct when the voted answer’s completion is correct', () => {
    const votedRight = group('g', [completion('incorrect', 0, 'B', {}), completion('correct', 1, 'A', {}), completion('correct', 1, 'A', {})]);
    const votedWrong = group('g', [completion('incorrect', 0, 'B', {}), completion('incorrect', 0, 'B', {}), completion('correct', 1, 'A', {})]);
    const noAnswers = group('g', [completion('no_answer', 0, null, {})]);
    expect(tallyGroup(votedRight).majorityCorrect).toBe(true);
    expect(tallyGroup(votedWrong).majorityCorrect).toBe(false);
    expect(tallyGroup(noAnswers).majorityCorrect).toBe(false);
  });
});

describe('summary', () => {
  it('reports means over non-null values, status counts, pass@k over groups with n ≥ k, and maj@k', () => {
    const acc = createSummaryAccumulator();
    acc.add(tallyGroup(group('a', [completion('correct', 2, 'A', { accuracy: 1, format: 1 }), completion('incorrect', 1, 'B', { accuracy: 0, format: 1 })])));
    acc.add(
      tallyGroup(
        group('b', [
          completion('incorrect', 0, 'X', { accuracy: 0, format: 0 }),
          completion('incorrect', 0, 'X', { accuracy: 0, format: 0 }),
          completion('correct', 1, 'Y', { accuracy: 1, format: 0 }),
          completion('error', null, null, { accuracy: null, format: null }),
        ]),
      ),
    );
    const summary = acc.summary({ ...run, gradedCompletions: 6, elapsedMs: 2000 });
    expect(summary).toEqual({
      groups: 2,
      completions: 6,
      resumed_groups: 0,
      bad_lines: 0,
      mean_reward: 4 / 5,
      components: { accuracy: 2 / 5, format: 2 / 5 },
      statuses: { incorrect: 3, correct: 2, error: 1 },
      // pass@1: mean of 1/2 and 1/4; pass@2: (1 + (1 − C(3,2)/C(4,2))) / 2; pass@4 only the group of four
      pass_at_k: { '1': 0.375, '2': 0.75, '4': 1 },
      maj_at_k: { k: 'n', value: 0.5 },
      elapsed_ms: 2000,
      completions_per_s: 3,
    });
  });

  it('uses the k values it is given and names maj@k by the group size when all groups share it', () => {
    const acc = createSummaryAccumulator();
    for (const id of ['a', 'b']) acc.add(tallyGroup(group(id, [completion('correct', 1, 'A', {}), completion('incorrect', 0, 'B', {})])));
    const summary = acc.summary({ ...run, ks: [1, 3] });
    expect(summary.pass_at_k).toEqual({ '1': 0.5, '3': null });
    expect(summary.maj_at_k).toEqual({ k: 2, value: 1 });
  });

  it('summarises nothing as nulls, not NaN', () => {
    const summary = createSummaryAccumulator().summary({ ...run, elapsedMs: 0 });
    expect(summary).toMatchObject({ groups: 0, mean_reward: null, pass_at_k: {}, maj_at_k: { k: 'n', value: null }, completions_per_s: null });
    expect(formatSummary(summary)).not.toContain('NaN');
  });

  it('prints one metric per line', () => {
    const acc = createSummaryAccumulator();
    acc.add(tallyGroup(group('a', [completion('correct', 2, 'A', { accuracy: 1, format: 1 }), completion('incorrect', 1, 'B', { accuracy: 0, format: 1 })])));
    expect(formatSummary(acc.summary({ ...run, gradedCompletions: 2, badLines: 1 }))).toMatchInlineSnapshot(`
      "groups       1
      completions  2
      mean reward  1.5000
        accuracy   0.5000
        format     1.0000
      statuses     correct 1, incorrect 1
      pass@1       0.5000
      pass@2       1.0000
      maj@2        1.0000
      bad lines    1
      elapsed      1.00 s (2.0 completions/s)
      "
    `);
  });
});
