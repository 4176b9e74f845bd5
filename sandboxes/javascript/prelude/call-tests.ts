/**
 * A prelude part (order and contract: ../prelude.ts): function-call tests. Resolves the entry point (a name in
 * the program's module scope or a global, else a `module.exports` member or the export itself; then a dotted
 * path), deep-copies the arguments in from JSON, calls it, and serialises the result; a returned thenable is
 * followed only until the runner asks for the outcome (`collectCall`), so it settles within the test's deadline
 * or not at all.
 *
 * Defines: lastEntryName, lastEntry, entries, pending, lookUpEntry, resolveEntry, thenable, awaitThenable,
 * finishCall, call, collectCall, resetCall. Uses: ReflectApply, ObjectCreate, JSONparse, StringSlice,
 * StringCharCodeAt, RegExpExec, indirectEval, IDENTIFIER, push, describe, envelope, OK, RUNTIME_ERROR, TIMEOUT,
 * OUTPUT_LIMIT, cap, exitRequested, exitCode, module, serialize, moduleLookup.
 */
export const CALL_TESTS_SOURCE = String.raw`
// Each name is resolved once per context: tests mostly call one name, so it is kept apart from the dictionary
// of the others (made only when a second name appears).
let lastEntryName = null;
let lastEntry = null;
let entries = null;
let pending = null;

function lookUpEntry(name) {
  const parts = [];
  let start = 0;
  for (let i = 0; i <= name.length; i++) {
    if (i === name.length || ReflectApply(StringCharCodeAt, name, [i]) === 46) { push(parts, ReflectApply(StringSlice, name, [start, i])); start = i + 1; }
  }
  for (let i = 0; i < parts.length; i++) if (ReflectApply(RegExpExec, IDENTIFIER, [parts[i]]) === null) return { fn: undefined, self: undefined };
  const head = parts[0];
  let value = moduleLookup !== null ? ReflectApply(moduleLookup, undefined, [head]) : indirectEval('typeof ' + head + ' === "undefined" ? undefined : ' + head);
  if (value === undefined) {
    const exported = module.exports;
    if (exported !== null && (typeof exported === 'object' || typeof exported === 'function')) value = exported[head];
    if (value === undefined && typeof exported === 'function' && parts.length === 1) value = exported;
  }
  let self;
  for (let i = 1; i < parts.length && value !== undefined && value !== null; i++) { self = value; value = value[parts[i]]; }
  return { fn: value, self: self };
}

function resolveEntry(name) {
  if (name === lastEntryName) return lastEntry;
  let entry = entries === null ? undefined : entries[name];
  if (entry === undefined) entry = lookUpEntry(name);
  if (lastEntryName !== null) {
    if (entries === null) entries = ObjectCreate(null);
    entries[lastEntryName] = lastEntry;
  }
  lastEntryName = name;
  lastEntry = entry;
  return entry;
}

function thenable(v) {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return null;
  const then = v.then;
  return typeof then === 'function' ? then : null;
}

function awaitThenable(v, then) {
  const state = { done: false, ok: false, value: undefined };
  pending = state;
  const settle = function (ok) {
    return function (value) {
      if (state.done) return;
      if (ok) {
        let next = null;
        try { next = thenable(value); } catch (e) { state.done = true; state.value = e; return; }
        if (next !== null) { try { ReflectApply(next, value, [settle(true), settle(false)]); } catch (e) { state.done = true; state.value = e; } return; }
      }
      state.done = true;
      state.ok = ok;
      state.value = value;
    };
  };
  ReflectApply(then, v, [settle(true), settle(false)]);
}

function finishCall(value) {
  if (exitRequested) return envelope(RUNTIME_ERROR, '', 'process.exit(' + exitCode + ') called');
  const budget = { left: cap };
  try {
    return envelope(OK, serialize(value, 0, budget));
  } catch (e) {
    if (e === budget) return envelope(OUTPUT_LIMIT, '', 'return value longer than ' + cap + ' characters');
    return envelope(RUNTIME_ERROR, '', 'serialising the return value: ' + describe(e));
  }
}

// Returns an envelope, or 'P' when the result is a thenable still to settle (collectCall reads it then).
function call(name, argsJson) {
  let entry;
  try { entry = resolveEntry(name); } catch (e) { return envelope(RUNTIME_ERROR, '', 'looking up ' + name + ': ' + describe(e)); }
  if (typeof entry.fn !== 'function') return envelope(RUNTIME_ERROR, '', name + ' is not a function');
  const args = JSONparse(argsJson);
  let result;
  try {
    result = ReflectApply(entry.fn, entry.self, args);
  } catch (e) {
    if (exitRequested) return envelope(RUNTIME_ERROR, '', 'process.exit(' + exitCode + ') called');
    return envelope(RUNTIME_ERROR, '', describe(e));
  }
  try {
    const then = thenable(result);
    if (then !== null) { awaitThenable(result, then); return 'P'; }
  } catch (e) {
    return envelope(RUNTIME_ERROR, '', describe(e));
  }
  return finishCall(result);
}

function collectCall() {
  const state = pending;
  if (!state.done) return envelope(TIMEOUT, '', 'the returned promise never settled');
  if (!state.ok) return envelope(RUNTIME_ERROR, '', 'the returned promise rejected: ' + describe(state.value));
  return finishCall(state.value);
}

function resetCall() { pending = null; }
`;
