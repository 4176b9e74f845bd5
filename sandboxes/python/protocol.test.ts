import { describe, expect, it } from 'vitest';
import { encodeJob, parseRecords } from './protocol.ts';
import type { TestInput } from './types.ts';

const NONCE = '0123456789abcdef0123456789abcdef';
const TESTS: readonly TestInput[] = [
  { kind: 'stdio', stdin: '' },
  { kind: 'call', fn: 'f', argsJson: '[]' },
];
const record = (header: string, payload = '') => `${NONCE} ${header}\n${payload}\n`;
const DONE = record('done keep 0');
const parse = (text: string, timed: boolean) => parseRecords(Buffer.from(text, 'latin1'), NONCE, TESTS, timed);

describe('python protocol: report_time', () => {
  it('asks the harness for times only when told to', () => {
    const header = (reportTime: boolean) => encodeJob(NONCE, 'pass', TESTS, { timeLimitMs: 1000, memoryLimitMb: 64 }, 1024, reportTime).toString('latin1');
    expect(header(false)).toContain('\nmax_output_bytes 1024\nreport_time 0\nprogram 4\n');
    expect(header(true)).toContain('\nreport_time 1\n');
  });

  it('reads the time field of every test record of a timed job', () => {
    expect(parse(record('0 ok 2 17', 'hi') + record('1 timeout 3 1002', 'abc') + DONE, true)).toEqual({
      outcomes: [
        { status: 'ok', stdout: 'hi', timeMs: 17 },
        { status: 'timeout', detail: 'abc', timeMs: 1002 },
      ],
      done: true,
      retire: false,
    });
  });

  it('reads records without times as before when the job did not ask for them', () => {
    expect(parse(record('0 ok 2', 'hi') + record('1 ok 1', '3') + DONE, false)).toEqual({
      outcomes: [{ status: 'ok', stdout: 'hi' }, { status: 'ok', stdout: '', valueJson: '3' }],
      done: true,
      retire: false,
    });
  });

  it('stops at a time field nobody asked for, a missing one, or one that is not a number', () => {
    const broken = { done: false, retire: true };
    expect(parse(record('0 ok 2 17', 'hi') + record('1 ok 1 3', '3') + DONE, false)).toEqual({ outcomes: [], ...broken });
    expect(parse(record('0 ok 2 17', 'hi') + record('1 ok 1', '3') + DONE, true)).toEqual({ outcomes: [{ status: 'ok', stdout: 'hi', timeMs: 17 }], ...broken });
    expect(parse(record('0 ok 2 -1', 'hi') + DONE, true)).toEqual({ outcomes: [], ...broken });
    expect(parse(record('0 ok 2 1.5', 'hi') + DONE, true)).toEqual({ outcomes: [], ...broken });
  });
});
