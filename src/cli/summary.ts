/**
 * The end-of-run summary of `arbiter grade`: rewards and components, statuses, pass@1, unbiased pass@k
 * and maj@k. Each graded group is first reduced to a small tally (kept in memory for resumed groups, so a
 * resumed run sums the same groups in the same order as an uninterrupted one), then tallies are summed.
 * Pure: no I/O, no clock (elapsed time comes in as a number).
 */
import type { GroupResult } from '../core/schemas/result.ts';
import { COMPONENT_NAMES } from '../core/schemas/rewards.ts';
import { defaultKs, majorityVote, passAtK } from './pass-at-k.ts';

interface Mean {
  sum: number;
  count: number;
}

/** What the summary needs from one group result. */
export interface GroupTally {
  /** Completions in the group (n of pass@k). */
  readonly completions: number;
  /** Completions with status `correct` (c of pass@k). */
  readonly correct: number;
  readonly reward: Readonly<Mean>;
  /** Per component, over non-null values. */
  readonly components: Readonly<Record<string, Readonly<Mean>>>;
  readonly statuses: Readonly<Record<string, number>>;
  /** Whether the majority-voted answer's (first) completion is correct; false when no completion has an answer. */
  readonly majorityCorrect: boolean;
}

/**
 * Reduces a group result to its tally.
 * @example tallyGroup(result).correct // completions with status 'correct'
 */
export function tallyGroup(result: GroupResult): GroupTally {
  const reward: Mean = { sum: 0, count: 0 };
  const components: Record<string, Mean> = {};
  const statuses: Record<string, number> = {};
  let correct = 0;
  for (const completion of result.results) {
    if (completion.status === 'correct') correct++;
    statuses[completion.status] = (statuses[completion.status] ?? 0) + 1;
    if (completion.reward !== null) add(reward, completion.reward);
    for (const [name, value] of Object.entries(completion.components)) {
      const mean = (components[name] ??= { sum: 0, count: 0 });
      if (value !== null) add(mean, value);
    }
  }
  const voted = majorityVote(result.results.map((r) => r.answer));
  const majorityCorrect = voted !== null && result.results[voted]?.status === 'correct';
  return { completions: result.results.length, correct, reward, components, statuses, majorityCorrect };
}

function add(mean: Mean, value: number): void {
  mean.sum += value;
  mean.count++;
}

const meanOf = (mean: Readonly<Mean>): number | null => (mean.count === 0 ? null : mean.sum / mean.count);

/** The summary of a run, as printed and as written by `--summary-json`. */
export interface Summary {
  /** Groups in the output (graded now plus resumed). */
  readonly groups: number;
  readonly completions: number;
  /** Groups taken from an existing output file by `--resume`. */
  readonly resumed_groups: number;
  /** Input lines that were not valid JSON or not a valid group. */
  readonly bad_lines: number;
  /** Mean of the non-null rewards; null when none. */
  readonly mean_reward: number | null;
  /** Mean of each component over its non-null values. */
  readonly components: Readonly<Record<string, number | null>>;
  /** Completions per status, most frequent first. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Unbiased pass@k by k, averaged over the groups with at least k completions; null when there are none. */
  readonly pass_at_k: Readonly<Record<string, number | null>>;
  /** Majority vote accuracy over all groups; k is the group size, or "n" when sizes differ. */
  readonly maj_at_k: { readonly k: number | 'n'; readonly value: number | null };
  readonly elapsed_ms: number;
  /** Completions graded by this run (not resumed) per second. */
  readonly completions_per_s: number | null;
}

/** Run facts the tallies do not know. */
export interface RunFacts {
  /** pass@k values; default: powers of two up to the largest group. */
  readonly ks?: readonly number[] | null;
  readonly badLines: number;
  readonly resumedGroups: number;
  readonly gradedCompletions: number;
  readonly elapsedMs: number;
}

/**
 * Sums tallies into a summary.
 * @example const acc = createSummaryAccumulator(); acc.add(tallyGroup(result)); acc.summary({ badLines: 0, resumedGroups: 0, gradedCompletions: 4, elapsedMs: 10 });
 */
export function createSummaryAccumulator() {
  let groups = 0;
  let completions = 0;
  let majorityCorrect = 0;
  const reward: Mean = { sum: 0, count: 0 };
  const components = new Map<string, Mean>();
  const statuses = new Map<string, number>();
  const sizes = new Set<number>();
  // (n, c) histogram: pass@k for any k at the end without keeping every group.
  const counts = new Map<string, { n: number; c: number; groups: number }>();

  return {
    add(tally: GroupTally): void {
      groups++;
      completions += tally.completions;
      if (tally.majorityCorrect) majorityCorrect++;
      reward.sum += tally.reward.sum;
      reward.count += tally.reward.count;
      for (const [name, mean] of Object.entries(tally.components)) {
        const total = components.get(name) ?? { sum: 0, count: 0 };
        total.sum += mean.sum;
        total.count += mean.count;
        components.set(name, total);
      }
      for (const [status, count] of Object.entries(tally.statuses)) statuses.set(status, (statuses.get(status) ?? 0) + count);
      sizes.add(tally.completions);
      const key = `${tally.completions}:${tally.correct}`;
      const bucket = counts.get(key) ?? { n: tally.completions, c: tally.correct, groups: 0 };
      bucket.groups++;
      counts.set(key, bucket);
    },

    summary(run: RunFacts): Summary {
      const maxSize = Math.max(0, ...sizes);
      const ks = run.ks ?? defaultKs(maxSize);
      const passAt: Record<string, number | null> = {};
      for (const k of ks) {
        let sum = 0;
        let eligible = 0;
        for (const { n, c, groups: g } of counts.values()) {
          if (n < k) continue;
          sum += passAtK(n, c, k) * g;
          eligible += g;
        }
        passAt[String(k)] = eligible === 0 ? null : sum / eligible;
      }
      const componentNames = [...components.keys()].sort((a, b) => componentRank(a) - componentRank(b) || a.localeCompare(b));
      const sizeList = [...sizes];
      return {
        groups,
        completions,
        resumed_groups: run.resumedGroups,
        bad_lines: run.badLines,
        mean_reward: meanOf(reward),
        components: Object.fromEntries(componentNames.map((name) => [name, meanOf(components.get(name) ?? { sum: 0, count: 0 })])),
        statuses: Object.fromEntries([...statuses].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))),
        pass_at_k: passAt,
        maj_at_k: { k: sizeList.length === 1 && sizeList[0] !== undefined ? sizeList[0] : 'n', value: groups === 0 ? null : majorityCorrect / groups },
        elapsed_ms: run.elapsedMs,
        completions_per_s: run.elapsedMs > 0 ? run.gradedCompletions / (run.elapsedMs / 1000) : null,
      };
    },
  };
}

/** Accumulates tallies; `summary()` may be called at any time. */
export type SummaryAccumulator = ReturnType<typeof createSummaryAccumulator>;

function componentRank(name: string): number {
  const index = (COMPONENT_NAMES as readonly string[]).indexOf(name);
  return index === -1 ? COMPONENT_NAMES.length : index;
}
