/**
 * Contract of the CLI fast path between `arbiter grade` (host) and the pool's worker threads.
 *
 * A line unit is a run of whole input lines as UTF-8 bytes (`bytes`: every line ends with "\n", except
 * a last line at the end of the input), the number of its first line, the run's raw reward and advantage
 * settings (already checked by the host) and the pool's progress cells (grading/work-unit.ts), counting
 * completions across the unit. The worker parses, validates, grades and serialises each line exactly as
 * the per-group path would and answers with the output text, the summary tallies, the --keep-correct
 * lines and the bad-line messages, in input order; the host only writes and sums. It answers `fallback`
 * for a unit the pipeline would refuse (a group with an unknown target language), and the pool answers
 * null for a unit whose completion timed out or whose thread died: the host grades both on the
 * per-group path, which reports them exactly as before.
 */
import type { AdvantageConfig } from '../core/schemas/advantage.ts';
import type { RewardsConfig } from '../core/schemas/rewards.ts';
import { resolveAdvantageConfig } from '../advantages/presets.ts';
import type { UnitProgress } from '../grading/work-unit.ts';
import { gradeWholeGroup, type GroupScorers } from '../grading/whole-group.ts';
import { resolveRewards } from '../verifiers/reward-config.ts';
import { parseInputLine } from './input-lines.ts';
import { correctCompletions, keptLines } from './keep-correct.ts';
import { tallyGroup, type GroupTally } from './summary.ts';

export interface LineUnit extends UnitProgress {
  readonly bytes: Uint8Array;
  readonly firstLineNumber: number;
  readonly rewards: RewardsConfig | null;
  readonly advantage: AdvantageConfig | null;
  readonly keepCorrect: boolean;
}

/** What the host writes and sums for a unit graded in the worker. */
export interface GradedLines {
  readonly kind: 'graded';
  /** One JSON line per group, in input order. */
  readonly output: string;
  /** --keep-correct lines ('' without --keep-correct). */
  readonly kept: string;
  readonly tallies: readonly GroupTally[];
  /** Messages of the bad lines, in input order. */
  readonly badLines: readonly string[];
  readonly groups: number;
  readonly completions: number;
}

export type LineUnitResult = GradedLines | { readonly kind: 'fallback' };

/**
 * The lines of a unit's bytes with their numbers; same lines as input-lines.ts `splitLines` (LF or CRLF).
 * @example unitLines(Buffer.from('a\r\nb\n'), 7) // [['a', 7], ['b', 8]]
 */
export function unitLines(bytes: Uint8Array, firstLineNumber: number): [string, number][] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop(); // the newline ends the last line, it does not start one
  return parts.map((line, i) => [line.endsWith('\r') ? line.slice(0, -1) : line, firstLineNumber + i]);
}

/**
 * Builds the worker's entry for line units from the completion scorers.
 * @example export const gradeLines = createLineGrader({ scoreOne: scoreCompletion, unscorable: unscorableScore });
 */
export function createLineGrader(scorers: GroupScorers) {
  return function gradeLines(unit: LineUnit): LineUnitResult {
    const rewards = resolveRewards(unit.rewards ?? undefined);
    const advantage = resolveAdvantageConfig(unit.advantage ?? undefined);
    let output = '';
    let kept = '';
    const tallies: GroupTally[] = [];
    const badLines: string[] = [];
    let completions = 0;
    for (const [line, lineNumber] of unitLines(unit.bytes, unit.firstLineNumber)) {
      const entry = parseInputLine(line, lineNumber);
      if (entry === null) continue;
      if (entry.kind === 'bad') {
        badLines.push(entry.message);
        continue;
      }
      const result = gradeWholeGroup(unit, completions, entry.group, rewards, advantage, scorers);
      if (result === null) return { kind: 'fallback' };
      completions += result.results.length;
      output += `${JSON.stringify(result)}\n`;
      tallies.push(tallyGroup(result));
      if (unit.keepCorrect) kept += keptLines(entry.group, correctCompletions(result));
    }
    return { kind: 'graded', output, kept, tallies, badLines, groups: tallies.length, completions };
  };
}
