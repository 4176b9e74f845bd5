/** The summary as a two-column table for a terminal. */
import type { Summary } from './summary.ts';

const fixed = (value: number | null, digits = 4): string => (value === null ? '—' : value.toFixed(digits));

/**
 * Renders a summary, one metric per line, ending with a newline.
 * @example process.stdout.write(formatSummary(summary))
 */
export function formatSummary(summary: Summary): string {
  const rows: [string, string][] = [
    ['groups', summary.resumed_groups > 0 ? `${summary.groups} (${summary.resumed_groups} resumed)` : String(summary.groups)],
    ['completions', String(summary.completions)],
    ['mean reward', fixed(summary.mean_reward)],
    ...Object.entries(summary.components).map(([name, value]): [string, string] => [`  ${name}`, fixed(value)]),
    ['statuses', Object.entries(summary.statuses).map(([status, count]) => `${status} ${count}`).join(', ') || '—'],
    ...Object.entries(summary.pass_at_k).map(([k, value]): [string, string] => [`pass@${k}`, fixed(value)]),
    [`maj@${summary.maj_at_k.k}`, fixed(summary.maj_at_k.value)],
    ['bad lines', String(summary.bad_lines)],
    ['elapsed', `${(summary.elapsed_ms / 1000).toFixed(2)} s${summary.completions_per_s === null ? '' : ` (${summary.completions_per_s.toFixed(1)} completions/s)`}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `${label.padEnd(width)}${value}\n`).join('');
}
