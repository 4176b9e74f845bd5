/** Every honest fixture, by behaviour name. */
import type { HonestFixture } from './fixture.ts';
import { fixture as asyncFunctionResult } from './async-function-result.ts';
import { fixture as binarySearchInsertionPoint } from './binary-search-insertion-point.ts';
import { fixture as characterFrequencyUnicodeKeys } from './character-frequency-unicode-keys.ts';
import { fixture as classStaticMethodEntryPoint } from './class-static-method-entry-point.ts';
import { fixture as countPrimesSlowTimesOut } from './count-primes-slow-times-out.ts';
import { fixture as crlfOutputLineEndings } from './crlf-output-line-endings.ts';
import { fixture as factorialBigInteger } from './factorial-big-integer.ts';
import { fixture as fibonacciSlowTimesOut } from './fibonacci-slow-times-out.ts';
import { fixture as firstDuplicateNullNotMinusOne } from './first-duplicate-null-not-minus-one.ts';
import { fixture as fizzbuzzOffByOne } from './fizzbuzz-off-by-one.ts';
import { fixture as floorDivmodTuple } from './floor-divmod-tuple.ts';
import { fixture as gcdOfNegativeNumbers } from './gcd-of-negative-numbers.ts';
import { fixture as hypotenuseFloatReturn } from './hypotenuse-float-return.ts';
import { fixture as isPrimeBooleanNotNumber } from './is-prime-boolean-not-number.ts';
import { fixture as lastLineWithoutNewline } from './last-line-without-newline.ts';
import { fixture as matrixTransposeTrailingSpaces } from './matrix-transpose-trailing-spaces.ts';
import { fixture as meanWithinFloatTolerance } from './mean-within-float-tolerance.ts';
import { fixture as mergeIntervalsUnsorted } from './merge-intervals-unsorted.ts';
import { fixture as moduleExportsEntryPoint } from './module-exports-entry-point.ts';
import { fixture as nonzeroExitAfterRightOutput } from './nonzero-exit-after-right-output.ts';
import { fixture as reverseUnicodeCodePoints } from './reverse-unicode-code-points.ts';
import { fixture as reverseWordsCrlfInput } from './reverse-words-crlf-input.ts';
import { fixture as romanNumeralsSubtractive } from './roman-numerals-subtractive.ts';
import { fixture as runLengthEncodingLastRun } from './run-length-encoding-last-run.ts';
import { fixture as sortNumbersReadline } from './sort-numbers-readline.ts';
import { fixture as stdinEventsAnswerTag } from './stdin-events-answer-tag.ts';
import { fixture as sumOfBigIntegersStdio } from './sum-of-big-integers-stdio.ts';
import { fixture as trailingBlankLinesAccepted } from './trailing-blank-lines-accepted.ts';
import { fixture as triangleAreaRelativeTolerance } from './triangle-area-relative-tolerance.ts';
import { fixture as twoSumWithDuplicates } from './two-sum-with-duplicates.ts';
import { fixture as typescriptGenericChunk } from './typescript-generic-chunk.ts';
import { fixture as typescriptInterfaceStdio } from './typescript-interface-stdio.ts';
import { fixture as wordCountObject } from './word-count-object.ts';

export const HONEST_FIXTURES: Readonly<Record<string, HonestFixture>> = {
  'async-function-result': asyncFunctionResult,
  'binary-search-insertion-point': binarySearchInsertionPoint,
  'character-frequency-unicode-keys': characterFrequencyUnicodeKeys,
  'class-static-method-entry-point': classStaticMethodEntryPoint,
  'count-primes-slow-times-out': countPrimesSlowTimesOut,
  'crlf-output-line-endings': crlfOutputLineEndings,
  'factorial-big-integer': factorialBigInteger,
  'fibonacci-slow-times-out': fibonacciSlowTimesOut,
  'first-duplicate-null-not-minus-one': firstDuplicateNullNotMinusOne,
  'fizzbuzz-off-by-one': fizzbuzzOffByOne,
  'floor-divmod-tuple': floorDivmodTuple,
  'gcd-of-negative-numbers': gcdOfNegativeNumbers,
  'hypotenuse-float-return': hypotenuseFloatReturn,
  'is-prime-boolean-not-number': isPrimeBooleanNotNumber,
  'last-line-without-newline': lastLineWithoutNewline,
  'matrix-transpose-trailing-spaces': matrixTransposeTrailingSpaces,
  'mean-within-float-tolerance': meanWithinFloatTolerance,
  'merge-intervals-unsorted': mergeIntervalsUnsorted,
  'module-exports-entry-point': moduleExportsEntryPoint,
  'nonzero-exit-after-right-output': nonzeroExitAfterRightOutput,
  'reverse-unicode-code-points': reverseUnicodeCodePoints,
  'reverse-words-crlf-input': reverseWordsCrlfInput,
  'roman-numerals-subtractive': romanNumeralsSubtractive,
  'run-length-encoding-last-run': runLengthEncodingLastRun,
  'sort-numbers-readline': sortNumbersReadline,
  'stdin-events-answer-tag': stdinEventsAnswerTag,
  'sum-of-big-integers-stdio': sumOfBigIntegersStdio,
  'trailing-blank-lines-accepted': trailingBlankLinesAccepted,
  'triangle-area-relative-tolerance': triangleAreaRelativeTolerance,
  'two-sum-with-duplicates': twoSumWithDuplicates,
  'typescript-generic-chunk': typescriptGenericChunk,
  'typescript-interface-stdio': typescriptInterfaceStdio,
  'word-count-object': wordCountObject,
};
