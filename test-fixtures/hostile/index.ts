/** Every hostile fixture, by behaviour name. */
import type { HostileFixture } from './fixture.ts';
import { fixture as arrayBufferMemoryBomb } from './array-buffer-memory-bomb.ts';
import { fixture as atomicsWaitAsyncCallback } from './atomics-wait-async-callback.ts';
import { fixture as atomicsWaitForever } from './atomics-wait-forever.ts';
import { fixture as breakOutOfTheModuleWrapper } from './break-out-of-the-module-wrapper.ts';
import { fixture as caughtOutputLimitError } from './caught-output-limit-error.ts';
import { fixture as caughtProcessExitThenRightValue } from './caught-process-exit-then-right-value.ts';
import { fixture as consoleAndAssertPatched } from './console-and-assert-patched.ts';
import { fixture as cyclicReturn } from './cyclic-return.ts';
import { fixture as deepRecursion } from './deep-recursion.ts';
import { fixture as deeplyNestedReturn } from './deeply-nested-return.ts';
import { fixture as dynamicImportOfNodeModules } from './dynamic-import-of-node-modules.ts';
import { fixture as exitCodeSetWithRightOutput } from './exit-code-set-with-right-output.ts';
import { fixture as finalizationCallbackHang } from './finalization-callback-hang.ts';
import { fixture as functionConstructorEscape } from './function-constructor-escape.ts';
import { fixture as getterThatLoops } from './getter-that-loops.ts';
import { fixture as getterThatThrows } from './getter-that-throws.ts';
import { fixture as hugeSingleAllocation } from './huge-single-allocation.ts';
import { fixture as infiniteLoopAtTopLevel } from './infinite-loop-at-top-level.ts';
import { fixture as infiniteLoopInCall } from './infinite-loop-in-call.ts';
import { fixture as jsonStringifyPatched } from './json-stringify-patched.ts';
import { fixture as lyingThenable } from './lying-thenable.ts';
import { fixture as memoryHoardingLoop } from './memory-hoarding-loop.ts';
import { fixture as microtaskLoop } from './microtask-loop.ts';
import { fixture as microtaskLoopAfterRightOutput } from './microtask-loop-after-right-output.ts';
import { fixture as millionsOfObjects } from './millions-of-objects.ts';
import { fixture as multibyteOutputPastTheByteCap } from './multibyte-output-past-the-byte-cap.ts';
import { fixture as neverSettlingPromise } from './never-settling-promise.ts';
import { fixture as oneFiftyMegabyteLine } from './one-fifty-megabyte-line.ts';
import { fixture as outputFlood } from './output-flood.ts';
import { fixture as prefixOfExpectedOutput } from './prefix-of-expected-output.ts';
import { fixture as prepareStackTraceLoopOnThrow } from './prepare-stack-trace-loop-on-throw.ts';
import { fixture as processExitBeforeAsserts } from './process-exit-before-asserts.ts';
import { fixture as processExitZeroBeforeOutput } from './process-exit-zero-before-output.ts';
import { fixture as promiseStateForgedThroughObjectPrototype } from './promise-state-forged-through-object-prototype.ts';
import { fixture as prototypePollutionOfBuiltins } from './prototype-pollution-of-builtins.ts';
import { fixture as proxyReturnValue } from './proxy-return-value.ts';
import { fixture as redosCatastrophicBacktracking } from './redos-catastrophic-backtracking.ts';
import { fixture as requireNodeModules } from './require-node-modules.ts';
import { fixture as scanGlobalsForExpected } from './scan-globals-for-expected.ts';
import { fixture as sparseHugeArray } from './sparse-huge-array.ts';
import { fixture as stackFramesReachThePrelude } from './stack-frames-reach-the-prelude.ts';
import { fixture as statePersistingBetweenRuns } from './state-persisting-between-runs.ts';
import { fixture as throwAfterRightOutput } from './throw-after-right-output.ts';
import { fixture as throwBeforeAsserts } from './throw-before-asserts.ts';
import { fixture as thrownProxyThatLoops } from './thrown-proxy-that-loops.ts';
import { fixture as valueofTojsonOverride } from './valueof-tojson-override.ts';
import { fixture as webassemblyMemory } from './webassembly-memory.ts';

export const HOSTILE_FIXTURES: Readonly<Record<string, HostileFixture>> = {
  'array-buffer-memory-bomb': arrayBufferMemoryBomb,
  'atomics-wait-async-callback': atomicsWaitAsyncCallback,
  'atomics-wait-forever': atomicsWaitForever,
  'break-out-of-the-module-wrapper': breakOutOfTheModuleWrapper,
  'caught-output-limit-error': caughtOutputLimitError,
  'caught-process-exit-then-right-value': caughtProcessExitThenRightValue,
  'console-and-assert-patched': consoleAndAssertPatched,
  'cyclic-return': cyclicReturn,
  'deep-recursion': deepRecursion,
  'deeply-nested-return': deeplyNestedReturn,
  'dynamic-import-of-node-modules': dynamicImportOfNodeModules,
  'exit-code-set-with-right-output': exitCodeSetWithRightOutput,
  'finalization-callback-hang': finalizationCallbackHang,
  'function-constructor-escape': functionConstructorEscape,
  'getter-that-loops': getterThatLoops,
  'getter-that-throws': getterThatThrows,
  'huge-single-allocation': hugeSingleAllocation,
  'infinite-loop-at-top-level': infiniteLoopAtTopLevel,
  'infinite-loop-in-call': infiniteLoopInCall,
  'json-stringify-patched': jsonStringifyPatched,
  'lying-thenable': lyingThenable,
  'memory-hoarding-loop': memoryHoardingLoop,
  'microtask-loop': microtaskLoop,
  'microtask-loop-after-right-output': microtaskLoopAfterRightOutput,
  'millions-of-objects': millionsOfObjects,
  'multibyte-output-past-the-byte-cap': multibyteOutputPastTheByteCap,
  'never-settling-promise': neverSettlingPromise,
  'one-fifty-megabyte-line': oneFiftyMegabyteLine,
  'output-flood': outputFlood,
  'prefix-of-expected-output': prefixOfExpectedOutput,
  'prepare-stack-trace-loop-on-throw': prepareStackTraceLoopOnThrow,
  'process-exit-before-asserts': processExitBeforeAsserts,
  'process-exit-zero-before-output': processExitZeroBeforeOutput,
  'promise-state-forged-through-object-prototype': promiseStateForgedThroughObjectPrototype,
  'prototype-pollution-of-builtins': prototypePollutionOfBuiltins,
  'proxy-return-value': proxyReturnValue,
  'redos-catastrophic-backtracking': redosCatastrophicBacktracking,
  'require-node-modules': requireNodeModules,
  'scan-globals-for-expected': scanGlobalsForExpected,
  'sparse-huge-array': sparseHugeArray,
  'stack-frames-reach-the-prelude': stackFramesReachThePrelude,
  'state-persisting-between-runs': statePersistingBetweenRuns,
  'throw-after-right-output': throwAfterRightOutput,
  'throw-before-asserts': throwBeforeAsserts,
  'thrown-proxy-that-loops': thrownProxyThatLoops,
  'valueof-tojson-override': valueofTojsonOverride,
  'webassembly-memory': webassemblyMemory,
};
