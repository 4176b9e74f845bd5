/**
 * A prelude part (order and contract: ../prelude.ts): the envelope, one string per test outcome (format and host
 * side: ../envelope.ts). Built by concatenation only: objects made with `Object.create(null)` and
 * `JSON.stringify` of them cost microseconds each in a cold context, on every test.
 *
 * Defines: OK, RUNTIME_ERROR, TIMEOUT, OUTPUT_LIMIT, COMPILE_ERROR, envelope. Uses: cut.
 */
import { ENVELOPE_CODES } from '../envelope.ts';

export const ENVELOPE_SOURCE = String.raw`
const OK = '${ENVELOPE_CODES.ok}';
const RUNTIME_ERROR = '${ENVELOPE_CODES.runtime_error}';
const TIMEOUT = '${ENVELOPE_CODES.timeout}';
const OUTPUT_LIMIT = '${ENVELOPE_CODES.output_limit}';
const COMPILE_ERROR = '${ENVELOPE_CODES.compile_error}';

function envelope(code, output, error) {
  if (error === undefined) return code + ':' + output;
  const e = cut(error);
  return code + e.length + ':' + e + output;
}
`;
