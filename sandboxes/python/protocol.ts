/**
 * Host side of the host <-> harness contract; the authoritative description is the header of
 * harness.py. The host encodes one job per completion (limits, program, each test's input) for the
 * harness's stdin and parses the nonce-framed records the harness writes on fd 3. Expected outputs
 * never enter here.
 */
import type { RunLimits, TestInput, TestOutcome } from './types.ts';

const STATUSES = new Set(['ok', 'runtime_error', 'timeout', 'memory_limit', 'output_limit', 'compile_error']);
/** A Python identifier, or a dotted path of them (`Solution.twoSum`), as the task schema allows (200 characters). */
const ENTRY_POINT = /^(?=.{1,200}$)[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const MAX_DETAIL_CHARS = 200;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * One job as the bytes the harness reads from its stdin. Throws TypeError for an entry point that
 * is not a Python identifier (before anything reaches a jail).
 */
export function encodeJob(nonce: string, program: string, tests: readonly TestInput[], limits: RunLimits, maxOutputBytes: number, reportTime = false): Buffer {
  const source = Buffer.from(program, 'utf8');
  const inputs = tests.map((test) => Buffer.from(test.kind === 'stdio' ? test.stdin : test.argsJson, 'utf8'));
  const lines = [
    'arbiter-job 3',
    `nonce ${nonce}`,
    `time_limit_ms ${Math.max(1, Math.ceil(limits.timeLimitMs))}`,
    `memory_limit_mb ${Math.max(16, Math.ceil(limits.memoryLimitMb))}`,
    `max_output_bytes ${maxOutputBytes}`,
    `report_time ${reportTime ? 1 : 0}`,
    `program ${source.length}`,
    `tests ${tests.length}`,
  ];
  tests.forEach((test, i) => {
    const size = inputs[i]?.length ?? 0;
    if (test.kind === 'stdio') return lines.push(`stdio ${size}`);
    if (!ENTRY_POINT.test(test.fn)) throw new TypeError(`invalid Python entry point name: ${JSON.stringify(test.fn)}`);
    return lines.push(`call ${test.fn} ${size}`);
  });
  return Buffer.concat([Buffer.from(lines.join('\n') + '\n', 'ascii'), source, ...inputs]);
}

/**
 * What the result channel said: outcomes in test order, whether the final record arrived, and
 * whether the harness asked to be retired (its process was tampered with, or scratch not emptied).
 */
export interface ParsedRecords {
  outcomes: TestOutcome[];
  done: boolean;
  retire: boolean;
}

function detailOf(payload: Buffer): string {
  return payload.toString('utf8').replace(/[^\x20-\x7e]/g, '?').slice(0, MAX_DETAIL_CHARS);
}

function outcomeOf(test: TestInput, status: string, payload: Buffer, timeMs: number | undefined): TestOutcome {
  const outcome = untimedOutcomeOf(test, status, payload);
  return timeMs === undefined ? outcome : { ...outcome, timeMs };
}

function untimedOutcomeOf(test: TestInput, status: string, payload: Buffer): TestOutcome {
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
 * the next expected index, a known status and (exactly when the job asked for times, `timed`) a time
 * field ends the parse: the remaining tests then have no outcome and the caller decides (timeout
 * after a kill, or a sandbox fault).
 */
export function parseRecords(channel: Buffer, nonce: string, tests: readonly TestInput[], timed = false): ParsedRecords {
  const outcomes: TestOutcome[] = [];
  let offset = 0;
  for (;;) {
    const newline = channel.indexOf(0x0a, offset);
    if (newline < 0 || newline - offset > 200) return { outcomes, done: false, retire: true };
    const fields = channel.toString('latin1', offset, newline).split(' ');
    const width = timed && fields[1] !== 'done' ? 5 : 4;
    if (fields.length !== width || fields[0] !== nonce || !/^\d{1,9}$/.test(fields[3] ?? '')) return { outcomes, done: false, retire: true };
    if (width === 5 && !/^\d{1,9}$/.test(fields[4] ?? '')) return { outcomes, done: false, retire: true };
    const length = Number(fields[3]);
    const start = newline + 1;
    if (channel.length < start + length + 1 || channel[start + length] !== 0x0a) return { outcomes, done: false, retire: true };
    const payload = channel.subarray(start, start + length);
    offset = start + length + 1;
    if (fields[1] === 'done') {
      const done = outcomes.length === tests.length && offset === channel.length;
      return { outcomes, done, retire: !done || fields[2] !== 'keep' };
    }
    const test = tests[outcomes.length];
    const status = fields[2] ?? '';
    if (test === undefined || fields[1] !== String(outcomes.length) || !STATUSES.has(status)) return { outcomes, done: false, retire: true };
    outcomes.push(outcomeOf(test, status, payload, width === 5 ? Number(fields[4]) : undefined));
  }
}
