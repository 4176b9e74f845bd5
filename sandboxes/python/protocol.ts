/**
 * Host side of the host <-> harness contract; the authoritative description is the header of
 * harness.py. The host writes the job directory (program, spec, one input file per test) and
 * parses the nonce-framed records the harness writes on fd 3. Expected outputs never enter here.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunLimits, TestInput, TestOutcome } from './types.ts';

const STATUSES = new Set(['ok', 'runtime_error', 'timeout', 'memory_limit', 'output_limit', 'compile_error']);
const ENTRY_POINT = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
const MAX_DETAIL_CHARS = 200;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Writes `spec`, `solution.py` and `in/<i>` into `dir` (already created, empty). */
export async function writeJobDir(
  dir: string,
  program: string,
  tests: readonly TestInput[],
  limits: RunLimits,
  maxOutputBytes: number,
): Promise<void> {
  const lines = [
    'arbiter-job 1',
    `time_limit_ms ${Math.max(1, Math.ceil(limits.timeLimitMs))}`,
    `memory_limit_mb ${Math.max(16, Math.ceil(limits.memoryLimitMb))}`,
    `max_output_bytes ${maxOutputBytes}`,
    `tests ${tests.length}`,
  ];
  await mkdir(join(dir, 'in'), { mode: 0o755 });
  await Promise.all(
    tests.map((test, i) => {
      if (test.kind === 'stdio') {
        lines.push('stdio');
        return writeFile(join(dir, 'in', String(i)), test.stdin, { mode: 0o644 });
      }
      if (!ENTRY_POINT.test(test.fn)) throw new TypeError(`invalid Python entry point name: ${JSON.stringify(test.fn)}`);
      lines.push(`call ${test.fn}`);
      return writeFile(join(dir, 'in', String(i)), test.argsJson, { mode: 0o644 });
    }),
  );
  await writeFile(join(dir, 'spec'), lines.join('\n') + '\n', { mode: 0o644 });
  await writeFile(join(dir, 'solution.py'), program, { mode: 0o644 });
}

/** What the result channel said: outcomes in test order, and whether the final record arrived. */
export interface ParsedRecords {
  outcomes: TestOutcome[];
  done: boolean;
}

function detailOf(payload: Buffer): string {
  return payload.toString('utf8').replace(/[^\x20-\x7e]/g, '?').slice(0, MAX_DETAIL_CHARS);
}

function outcomeOf(test: TestInput, status: string, payload: Buffer): TestOutcome {
  if (status !== 'ok') {
    return { status: status as Exclude<TestOutcome['status'], 'ok'>, detail: detailOf(payload) };
  }
  let text: string;
  try {
    text = strictUtf8.decode(payload);
  } catch {
    return { status: 'runtime_error', detail: test.kind === 'stdio' ? 'stdout is not valid UTF-8' : 'result is not valid UTF-8' };
  }
  return test.kind === 'stdio' ? { status: 'ok', stdout: text } : { status: 'ok', stdout: '', valueJson: text };
}

/**
 * Parses the records of one run. Anything that is not a well-formed record with this run's nonce,
 * the next expected index and a known status ends the parse: the remaining tests then have no
 * outcome and the caller decides (timeout after a kill, or a sandbox fault).
 */
export function parseRecords(channel: Buffer, nonce: string, tests: readonly TestInput[]): ParsedRecords {
  const outcomes: TestOutcome[] = [];
  let offset = 0;
  for (;;) {
    const newline = channel.indexOf(0x0a, offset);
    if (newline < 0 || newline - offset > 200) return { outcomes, done: false };
    const fields = channel.toString('latin1', offset, newline).split(' ');
    if (fields.length !== 4 || fields[0] !== nonce || !/^\d{1,9}$/.test(fields[3] ?? '')) return { outcomes, done: false };
    const length = Number(fields[3]);
    const start = newline + 1;
    if (channel.length < start + length + 1 || channel[start + length] !== 0x0a) return { outcomes, done: false };
    const payload = channel.subarray(start, start + length);
    offset = start + length + 1;
    if (fields[1] === 'done') return { outcomes, done: outcomes.length === tests.length };
    const test = tests[outcomes.length];
    const status = fields[2] ?? '';
    if (test === undefined || fields[1] !== String(outcomes.length) || !STATUSES.has(status)) return { outcomes, done: false };
    outcomes.push(outcomeOf(test, status, payload));
  }
}
