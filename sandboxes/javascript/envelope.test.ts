import { describe, expect, it } from 'vitest';
import { decodeEnvelope, decodeTestRun } from './envelope.ts';

describe('decodeEnvelope', () => {
  it('reads a status, an optional length-prefixed error and the verbatim output', () => {
    expect(decodeEnvelope('k:{"a":1}')).toEqual({ status: 'ok', output: '{"a":1}' });
    expect(decodeEnvelope('k:')).toEqual({ status: 'ok', output: '' });
    expect(decodeEnvelope('r8:Error: 2a:b\n')).toEqual({ status: 'runtime_error', output: 'a:b\n', error: 'Error: 2' });
    expect(decodeEnvelope('r0:3\n')).toEqual({ status: 'runtime_error', output: '3\n', error: '' });
    expect(decodeEnvelope('o27:output longer than 10 bytes0123456789')).toEqual({ status: 'output_limit', output: '0123456789', error: 'output longer than 10 bytes' });
    expect(decodeEnvelope('c25:SyntaxError: Unexpected }')).toEqual({ status: 'compile_error', output: '', error: 'SyntaxError: Unexpected }' });
  });

  it('reads anything malformed as a protocol error, never throwing', () => {
    const protocolError = { status: 'runtime_error', output: '', error: 'sandbox protocol error' };
    for (const value of [undefined, 42, '', 'P', 'x:1', 'k', 'r99:short', 'rx:1', 'r-1:a']) expect(decodeEnvelope(value)).toEqual(protocolError);
  });
});

describe('decodeTestRun', () => {
  it('keeps a test run and refuses compile_error, which no test can end in', () => {
    expect(decodeTestRun('t8:too slow7')).toEqual({ status: 'timeout', output: '7', error: 'too slow' });
    expect(decodeTestRun('c1:x')).toEqual({ status: 'runtime_error', output: '', error: 'sandbox protocol error' });
  });
});
