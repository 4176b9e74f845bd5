/**
 * A prelude part (order and contract: ../prelude.ts): the program's stdout, capped in UTF-8 bytes before it
 * grows past the cap, and its exit request (after `process.exit` nothing more is written, as in Node).
 *
 * Defines: cap, out, outBytes, overflow, exitRequested, exitCode, write, stopped, resetOutput. Uses:
 * ReflectApply, RegExpExec, StringCtor, ErrorCtor, NON_ASCII, utf8Bytes.
 */
export const OUTPUT_SOURCE = String.raw`
let cap = 1048576;
let out = '';
let outBytes = 0;
let overflow = false;
let exitRequested = false;
let exitCode = 0;

function limitError() { return new ErrorCtor('output limit exceeded'); }

function write(chunk) {
  if (exitRequested) return true;
  const s = typeof chunk === 'string' ? chunk : StringCtor(chunk);
  if (overflow || outBytes + s.length > cap) { overflow = true; throw limitError(); }
  const bytes = ReflectApply(RegExpExec, NON_ASCII, [s]) === null ? s.length : utf8Bytes(s);
  if (outBytes + bytes > cap) { overflow = true; throw limitError(); }
  out += s;
  outBytes += bytes;
  return true;
}

function stopped() { return exitRequested || overflow; }

function resetOutput() {
  out = '';
  outBytes = 0;
  overflow = false;
  exitRequested = false;
  exitCode = 0;
}
`;
