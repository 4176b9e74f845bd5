/** Every honest Python fixture, by behaviour name: the twins of ../code/ plus Python's own idioms. */
import type { HonestFixture } from '../code/fixture.ts';
import { fixture as asyncDefEntryPoint } from './async-def-entry-point.ts';
import { fixture as asyncioRunResult } from './asyncio-run-result.ts';
import { fixture as bigIntegerProductBeyond4300Digits } from './big-integer-product-beyond-4300-digits.ts';
import { fixture as binarySearchInsertionPoint } from './binary-search-insertion-point.ts';
import { fixture as characterFrequencyUnicodeKeys } from './character-frequency-unicode-keys.ts';
import { fixture as classStaticMethodEntryPoint } from './class-static-method-entry-point.ts';
import { fixture as countPrimesSlowTimesOut } from './count-primes-slow-times-out.ts';
import { fixture as crlfOutputLineEndings } from './crlf-output-line-endings.ts';
import { fixture as divmodTupleResult } from './divmod-tuple-result.ts';
import { fixture as dottedInstanceMethodEntryPoint } from './dotted-instance-method-entry-point.ts';
import { fixture as exitBuiltinAfterAnswer } from './exit-builtin-after-answer.ts';
import { fixture as factorialBigInteger } from './factorial-big-integer.ts';
import { fixture as fibonacciSlowTimesOut } from './fibonacci-slow-times-out.ts';
import { fixture as firstDuplicateNoneNotMinusOne } from './first-duplicate-none-not-minus-one.ts';
import { fixture as fizzbuzzOffByOne } from './fizzbuzz-off-by-one.ts';
import { fixture as gcdOfNegativeNumbers } from './gcd-of-negative-numbers.ts';
import { fixture as humanevalHasCloseElements } from './humaneval-has-close-elements.ts';
import { fixture as hypotenuseFloatReturn } from './hypotenuse-float-return.ts';
import { fixture as inputUntilEof } from './input-until-eof.ts';
import { fixture as isPrimeBooleanNotNumber } from './is-prime-boolean-not-number.ts';
import { fixture as lastLineWithoutNewline } from './last-line-without-newline.ts';
import { fixture as matrixTransposeTrailingSpaces } from './matrix-transpose-trailing-spaces.ts';
import { fixture as meanWithinFloatTolerance } from './mean-within-float-tolerance.ts';
import { fixture as mergeIntervalsUnsorted } from './merge-intervals-unsorted.ts';
import { fixture as nonzeroExitAfterRightOutput } from './nonzero-exit-after-right-output.ts';
import { fixture as printStarSepEnd } from './print-star-sep-end.ts';
import { fixture as recursionLimitRaised } from './recursion-limit-raised.ts';
import { fixture as reverseUnicodeCodePoints } from './reverse-unicode-code-points.ts';
import { fixture as reverseWordsCrlfInput } from './reverse-words-crlf-input.ts';
import { fixture as romanNumeralsSubtractive } from './roman-numerals-subtractive.ts';
import { fixture as runLengthEncodingLastRun } from './run-length-encoding-last-run.ts';
import { fixture as sortNumbersReadline } from './sort-numbers-readline.ts';
import { fixture as stderrNoise } from './stderr-noise.ts';
import { fixture as stdinReadAnswerTag } from './stdin-read-answer-tag.ts';
import { fixture as stdoutBufferWrites } from './stdout-buffer-writes.ts';
import { fixture as sumOfBigIntegersStdio } from './sum-of-big-integers-stdio.ts';
import { fixture as threadStackDeepRecursion } from './thread-stack-deep-recursion.ts';
import { fixture as trailingBlankLinesAccepted } from './trailing-blank-lines-accepted.ts';
import { fixture as triangleAreaRelativeTolerance } from './triangle-area-relative-tolerance.ts';
import { fixture as twoSumWithDuplicates } from './two-sum-with-duplicates.ts';
import { fixture as typedGenericChunk } from './typed-generic-chunk.ts';
import { fixture as typedNamedtupleStdio } from './typed-namedtuple-stdio.ts';
import { fixture as unicodeLineLengths } from './unicode-line-lengths.ts';
import { fixture as wordCountObject } from './word-count-object.ts';

export const HONEST_PYTHON_FIXTURES: Readonly<Record<string, HonestFixture>> = {
  'async-def-entry-point': asyncDefEntryPoint,
  'asyncio-run-result': asyncioRunResult,
  'big-integer-product-beyond-4300-digits': bigIntegerProductBeyond4300Digits,
  'binary-search-insertion-point': binarySearchInsertionPoint,
  'character-frequency-unicode-keys': characterFrequencyUnicodeKeys,
  'class-static-method-entry-point': classStaticMethodEntryPoint,
  'count-primes-slow-times-out': countPrimesSlowTimesOut,
  'crlf-output-line-endings': crlfOutputLineEndings,
  'divmod-tuple-result': divmodTupleResult,
  'dotted-instance-method-entry-point': dottedInstanceMethodEntryPoint,
  'exit-builtin-after-answer': exitBuiltinAfterAnswer,
  'factorial-big-integer': factorialBigInteger,
  'fibonacci-slow-times-out': fibonacciSlowTimesOut,
  'first-duplicate-none-not-minus-one': firstDuplicateNoneNotMinusOne,
  'fizzbuzz-off-by-one': fizzbuzzOffByOne,
  'gcd-of-negative-numbers': gcdOfNegativeNumbers,
  'humaneval-has-close-elements': humanevalHasCloseElements,
  'hypotenuse-float-return': hypotenuseFloatReturn,
  'input-until-eof': inputUntilEof,
  'is-prime-boolean-not-number': isPrimeBooleanNotNumber,
  'last-line-without-newline': lastLineWithoutNewline,
  'matrix-transpose-trailing-spaces': matrixTransposeTrailingSpaces,
  'mean-within-float-tolerance': meanWithinFloatTolerance,
  'merge-intervals-unsorted': mergeIntervalsUnsorted,
  'nonzero-exit-after-right-output': nonzeroExitAfterRightOutput,
  'print-star-sep-end': printStarSepEnd,
  'recursion-limit-raised': recursionLimitRaised,
  'reverse-unicode-code-points': reverseUnicodeCodePoints,
  'reverse-words-crlf-input': reverseWordsCrlfInput,
  'roman-numerals-subtractive': romanNumeralsSubtractive,
  'run-length-encoding-last-run': runLengthEncodingLastRun,
  'sort-numbers-readline': sortNumbersReadline,
  'stderr-noise': stderrNoise,
  'stdin-read-answer-tag': stdinReadAnswerTag,
  'stdout-buffer-writes': stdoutBufferWrites,
  'sum-of-big-integers-stdio': sumOfBigIntegersStdio,
  'thread-stack-deep-recursion': threadStackDeepRecursion,
  'trailing-blank-lines-accepted': trailingBlankLinesAccepted,
  'triangle-area-relative-tolerance': triangleAreaRelativeTolerance,
  'two-sum-with-duplicates': twoSumWithDuplicates,
  'typed-generic-chunk': typedGenericChunk,
  'typed-namedtuple-stdio': typedNamedtupleStdio,
  'unicode-line-lengths': unicodeLineLengths,
  'word-count-object': wordCountObject,
};
