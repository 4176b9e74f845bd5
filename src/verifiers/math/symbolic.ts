/**
 * nerdamer as a bounded, confirming fallback for identities (issue 3). identity.ts asks it only when the
 * random points could not decide (too few of them in both formulas' domain), and it can only confirm: the
 * difference of the two formulas must simplify or expand to exactly `0`. It never sees model text: it gets a
 * string we serialise here from our own checked AST (whitelisted nodes, variables renamed `v0`, `v1`, …), and
 * only when that AST is small (MAX_SYMBOLIC_NODES, integer powers up to MAX_SYMBOLIC_EXPONENT).
 *
 * nerdamer is synchronous and its cost is unpredictable (a 10th power of a trinomial takes seconds), so it
 * runs in a helper thread that this thread waits on with `Atomics.wait` and a deadline: past
 * SYMBOLIC_CALL_BUDGET_MS the helper is terminated (its successor starts at once, in the background) and the
 * identity is unconfirmed. One check spends at most SYMBOLIC_CHECK_BUDGET_MS on calls in all
 * (resetSymbolicBudget starts a check), so that it stays within the verifier's 250 ms bar; waiting for a
 * helper to start (loading and warming nerdamer, about 0.1 s, on first use in a thread) has its own
 * allowance. The budgets are wall-clock, about four times what the identities it proves take once warm
 * (≤ 35 ms), so that mostly slow non-identities run into them; on a heavily loaded machine a slow proof may go
 * unconfirmed. Answers, overruns included, are remembered (256 differences), so a check repeated gets the same
 * verdict, at once.
 *
 * Helper contract: workerData { core, algebra: nerdamer module paths; state: SharedArrayBuffer of 2 int32;
 * port: MessagePort }. state[1] becomes 1 (notified) once nerdamer is loaded and warm, -1 when it cannot be
 * loaded; each request { id, difference } is answered on the port with { id, zero }, then state[0] = id, notified.
 */
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { MathNode } from 'mathjs';
import { evaluate, type AnyNode } from './evaluate.ts';

/** Wall-clock budget of one nerdamer call, and of all calls of one check. */
export const SYMBOLIC_CALL_BUDGET_MS = 120;
export const SYMBOLIC_CHECK_BUDGET_MS = 180;
/** Wait for a helper thread to start, load and warm nerdamer (once per thread, and after each kill). */
export const SYMBOLIC_START_BUDGET_MS = 3000;
/**
 * Formulas larger than this (both sides together), with a constant power above MAX_SYMBOLIC_EXPONENT, or with
 * a number above MAX_SYMBOLIC_CONSTANT or of more than 12 digits, are not sent: nerdamer computes exactly.
 */
export const MAX_SYMBOLIC_NODES = 80;
export const MAX_SYMBOLIC_EXPONENT = 12;
export const MAX_SYMBOLIC_CONSTANT = 1_000_000;

const HELPER_SOURCE = `
const { workerData } = require('node:worker_threads');
const state = new Int32Array(workerData.state);
let nerdamer;
const isZero = (difference) => {
  try {
    return nerdamer('simplify(' + difference + ')').toString() === '0' || nerdamer('expand(' + difference + ')').toString() === '0';
  } catch {
    return false;
  } finally {
    nerdamer.flush();
  }
};
try {
  nerdamer = require(workerData.core);
  require(workerData.algebra);
  // Warm the code paths (first calls run several times slower), so that budgets measure the work.
  isZero('((1)/(sqrt((v0)-(4))))-((sqrt((v0)-(4)))/((v0)-(4)))');
  isZero('((((v0)^(2))-(16))/(sqrt((v0)-(4))))-(((v0)+(4))*(sqrt((v0)-(4))))');
  isZero('((v0)+(1))^(2)-(((v0)^(2))+(2*(v0))+(1))');
  Atomics.store(state, 1, 1);
} catch {
  Atomics.store(state, 1, -1);
}
Atomics.notify(state, 1);
workerData.port.on('message', ({ id, difference }) => {
  const zero = isZero(difference);
  workerData.port.postMessage({ id, zero });
  Atomics.store(state, 0, id);
  Atomics.notify(state, 0);
});
`;

interface Helper {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly state: Int32Array;
}

let helper: Helper | null = null;
/** Set when nerdamer cannot be loaded, or a helper failed to start in time MAX_START_FAILURES times: no more tries. */
let unavailable = false;
let startFailures = 0;
const MAX_START_FAILURES = 3;
let lastId = 0;
let spentMs = 0;
const answers = new Map<string, boolean>();

function startHelper(): Helper {
  const resolve = createRequire(import.meta.url).resolve;
  const state = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(HELPER_SOURCE, {
    eval: true,
    workerData: { core: resolve('nerdamer'), algebra: resolve('nerdamer/Algebra.js'), state: state.buffer, port: port2 },
    transferList: [port2],
  });
  // Never keeps the process alive; a helper that dies is replaced on the next call.
  worker.unref();
  port1.unref();
  const started: Helper = { worker, port: port1, state };
  worker.on('error', () => {
    if (helper === started) helper = null;
  });
  return started;
}

/** Terminates a helper that overran, and starts its successor now, so that it is warm when next needed. */
function replace(h: Helper): void {
  h.worker.terminate().catch(() => undefined);
  if (helper === h) helper = unavailable ? null : startHelper();
}

/** Remembers an answer (an overrun is remembered as "not proved": the same check gets the same verdict, fast). */
function remember(difference: string, zero: boolean): boolean {
  if (answers.size >= 256) answers.clear();
  answers.set(difference, zero);
  return zero;
}

/** A started helper, once it is ready; null (and stopped, or marked unavailable) when it is not in time. */
function readyHelper(): Helper | null {
  const h = helper ?? (helper = startHelper());
  const deadline = performance.now() + SYMBOLIC_START_BUDGET_MS;
  while (Atomics.load(h.state, 1) === 0) {
    const waitMs = deadline - performance.now();
    if (waitMs <= 0) break;
    Atomics.wait(h.state, 1, 0, waitMs);
  }
  const state = Atomics.load(h.state, 1);
  if (state === 1) return h;
  if (state === -1 || ++startFailures >= MAX_START_FAILURES) unavailable = true;
  replace(h);
  return null;
}

/** Whether nerdamer reduces `difference` to 0 within the budget; false when it does not, fails or overruns. */
function askNerdamer(difference: string): boolean {
  const known = answers.get(difference);
  if (known !== undefined) return known;
  if (unavailable || spentMs >= SYMBOLIC_CHECK_BUDGET_MS) return false;
  const h = readyHelper();
  if (h === null) return false;
  const limitMs = Math.min(SYMBOLIC_CHECK_BUDGET_MS - spentMs, SYMBOLIC_CALL_BUDGET_MS);
  lastId = lastId >= 0x7fffffff ? 1 : lastId + 1;
  const id = lastId;
  h.port.postMessage({ id, difference });
  const started = performance.now();
  let answered = false;
  for (;;) {
    const seen = Atomics.load(h.state, 0);
    if (seen === id) {
      answered = true;
      break;
    }
    const waitMs = limitMs - (performance.now() - started);
    if (waitMs <= 0) break;
    Atomics.wait(h.state, 0, seen, waitMs);
  }
  spentMs += performance.now() - started;
  if (!answered) {
    replace(h);
    return remember(difference, false);
  }
  for (let message = receiveMessageOnPort(h.port); message !== undefined; message = receiveMessageOnPort(h.port)) {
    const reply = message.message as { id: number; zero: boolean };
    if (reply.id === id) return remember(difference, reply.zero);
  }
  return false;
}

/** Starts the symbolic budget of one check (verify.ts calls it once per completion). */
export function resetSymbolicBudget(): void {
  spentMs = 0;
}

const FUNCTIONS: Readonly<Record<string, (a: string) => string>> = {
  sqrt: (a) => `sqrt(${a})`, exp: (a) => `exp(${a})`, ln: (a) => `log(${a})`, log10: (a) => `(log(${a})/log(10))`, abs: (a) => `abs(${a})`,
  sin: (a) => `sin(${a})`, cos: (a) => `cos(${a})`, tan: (a) => `(sin(${a})/cos(${a}))`,
  sec: (a) => `(1/cos(${a}))`, csc: (a) => `(1/sin(${a}))`, cot: (a) => `(cos(${a})/sin(${a}))`,
  asin: (a) => `asin(${a})`, acos: (a) => `acos(${a})`, atan: (a) => `atan(${a})`,
  sinh: (a) => `sinh(${a})`, cosh: (a) => `cosh(${a})`, tanh: (a) => `(sinh(${a})/cosh(${a}))`,
};
/** |value| of an exponent without free variables (`12`, `-3`, `(637)^(7.1)`), 0 for one with them. */
function constantExponent(node: MathNode | undefined): number {
  if (node === undefined) return 0;
  let free = false;
  node.traverse((child) => {
    if (child.type === 'SymbolNode' && !['pi', 'e'].includes((child as unknown as AnyNode).name)) free = true;
  });
  return free ? 0 : Math.abs(evaluate(node, new Map()));
}

const INFIX: Readonly<Record<string, string>> = { add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^' };
const CONSTANTS: Readonly<Record<string, string>> = { pi: 'pi', e: 'e', i: 'i' };

/**
 * nerdamer syntax for a checked expression (expr.ts), every operand parenthesised and every free variable
 * renamed through `names`; null for anything outside the whitelist (factorial, mod, floor, gcd, ∞, …).
 * @example serialize(parseExpression('2 x^2')!.node, new Map([['x', 'v0']])) // '((2)*((v0)^(2)))'
 */
export function serialize(node: MathNode, names: ReadonlyMap<string, string>): string | null {
  const n = node as unknown as AnyNode;
  switch (n.type) {
    case 'ConstantNode': {
      const text = String(n.value);
      return n.value <= MAX_SYMBOLIC_CONSTANT && /^\d+(?:\.\d+)?$/.test(text) && text.length <= 13 ? text : null;
    }
    case 'ParenthesisNode':
      return serialize(n.content, names);
    case 'SymbolNode':
      return names.get(n.name) ?? CONSTANTS[n.name] ?? null;
    case 'OperatorNode': {
      const args = n.args.map((arg) => serialize(arg, names));
      const [a, b] = args;
      if (a === undefined || a === null || args.some((arg) => arg === null)) return null;
      if (n.fn === 'unaryMinus') return `(-(${a}))`;
      if (n.fn === 'unaryPlus') return a;
      const infix = INFIX[n.fn as string];
      if (infix === undefined || b === undefined || b === null) return null;
      if (n.fn === 'pow' && constantExponent(n.args[1]) > MAX_SYMBOLIC_EXPONENT) return null;
      // nerdamer simplifies exp(log(u)), not e^log(u).
      if (n.fn === 'pow' && a === 'e') return `exp(${b})`;
      return `((${a})${infix}(${b}))`;
    }
    case 'FunctionNode': {
      const name = (n.fn as { name: string }).name;
      const args = n.args.map((arg) => serialize(arg, names));
      const [a, b] = args;
      if (a === undefined || a === null || args.some((arg) => arg === null)) return null;
      if (name === 'nthRoot' && args.length === 2 && b !== undefined && b !== null) return `((${a})^(1/(${b})))`;
      const rewrite = FUNCTIONS[name];
      return rewrite !== undefined && args.length === 1 ? rewrite(a) : null;
    }
    default:
      return null;
  }
}

/** One side of an identity: a checked formula, or an exact number. */
export type SymbolicSide = { readonly node: MathNode; readonly nodes: number } | { readonly num: bigint; readonly den: bigint };

/**
 * Whether nerdamer proves `gold - prediction = 0`, within the budgets. Only for what identity.ts could not
 * decide; false whenever it cannot say (too large, not serialisable, over budget, nerdamer missing).
 * @example confirmIdentity(['x'], formula('1/sqrt(x-4)'), formula('sqrt(x-4)/(x-4)')) // true
 */
export function confirmIdentity(symbols: readonly string[], gold: SymbolicSide, prediction: SymbolicSide): boolean {
  const size = (side: SymbolicSide): number => ('nodes' in side ? side.nodes : 1);
  if (size(gold) + size(prediction) > MAX_SYMBOLIC_NODES) return false;
  const names = new Map(symbols.map((symbol, k) => [symbol, `v${k}`]));
  const small = (n: bigint): boolean => (n < 0n ? -n : n) <= BigInt(MAX_SYMBOLIC_CONSTANT);
  const text = (side: SymbolicSide): string | null => {
    if ('node' in side) return serialize(side.node, names);
    return small(side.num) && small(side.den) ? `(${side.num}/${side.den})` : null;
  };
  const [g, p] = [text(gold), text(prediction)];
  return g !== null && p !== null && askNerdamer(`(${g})-(${p})`);
}
