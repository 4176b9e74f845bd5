/**
 * The envelope: how the prelude (inside the isolate) reports an outcome to the runner as a single string,
 * cheap to build in a cold context (no objects, no JSON escaping of the output) and to read here.
 *
 * Contract with prelude/envelope.ts: `<code><error length>:<error><output>`, where `<code>` is one letter of
 * `ENVELOPE_CODES`, `<error length>` is the decimal length of the error in UTF-16 code units (empty when there
 * is no error), and everything after the error is the output, verbatim. `compile_error` comes only from the
 * prelude's `start` operation, never for a test.
 * @example decodeEnvelope('k:{"max":3}') // { status: 'ok', output: '{"max":3}' }
 * @example decodeEnvelope('r11:Error: boom') // { status: 'runtime_error', output: '', error: 'Error: boom' }
 */
import type { TestRun, TestRunStatus } from './protocol.ts';

export type EnvelopeStatus = Exclude<TestRunStatus, 'memory_limit'> | 'compile_error';

/** One letter per status the prelude can report (`memory_limit` only the runner sees). */
export const ENVELOPE_CODES: Readonly<Record<EnvelopeStatus, string>> = { ok: 'k', runtime_error: 'r', timeout: 't', output_limit: 'o', compile_error: 'c' };

export interface Envelope {
  readonly status: EnvelopeStatus;
  readonly output: string;
  readonly error?: string;
}

const STATUS_OF_CODE = new Map(Object.entries(ENVELOPE_CODES).map(([status, code]) => [code, status as EnvelopeStatus]));

const DIGITS = /^[0-9]{1,9}$/;
const PROTOCOL_ERROR = { status: 'runtime_error', output: '', error: 'sandbox protocol error' } as const;

/** Reads one envelope; anything malformed reads as a `runtime_error` (never an exception). */
export function decodeEnvelope(value: unknown): Envelope {
  if (typeof value !== 'string') return PROTOCOL_ERROR;
  const status = STATUS_OF_CODE.get(value.charAt(0));
  const colon = value.indexOf(':');
  if (status === undefined || colon < 1) return PROTOCOL_ERROR;
  if (colon === 1) return { status, output: value.slice(2) };
  const digits = value.slice(1, colon);
  const end = colon + 1 + Number(digits);
  if (!DIGITS.test(digits) || end > value.length) return PROTOCOL_ERROR;
  return { status, output: value.slice(end), error: value.slice(colon + 1, end) };
}

/** Reads the envelope of one test: a test cannot end in `compile_error`. */
export function decodeTestRun(value: unknown): TestRun {
  const envelope = decodeEnvelope(value);
  if (envelope.status === 'compile_error') return PROTOCOL_ERROR;
  return envelope.error === undefined ? { status: envelope.status, output: envelope.output } : { status: envelope.status, output: envelope.output, error: envelope.error };
}
