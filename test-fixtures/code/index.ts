/** Every honest fixture, by behaviour name. */
import type { HonestFixture } from './fixture.ts';
import { fixture as asyncFunctionResult } from './async-function-result.ts';
import { fixture as factorialBigInteger } from './factorial-big-integer.ts';
import { fixture as fibonacciSlowTimesOut } from './fibonacci-slow-times-out.ts';
import { fixture as fizzbuzzOffByOne } from './fizzbuzz-off-by-one.ts';
import { fixture as hypotenuseFloatReturn } from './hypotenuse-float-return.ts';
import { fixture as isPrimeBooleanNotNumber } from './is-prime-boolean-not-number.ts';
import { fixture as matrixTransposeTrailingSpaces } from './matrix-transpose-trailing-spaces.ts';
import { fixture as meanWithinFloatTolerance } from './mean-within-float-tolerance.ts';
import { fixture as nonzeroExitAfterRightOutput } from './nonzero-exit-after-right-output.ts';
import { fixture as reverseUnicodeCodePoints } from './reverse-unicode-code-points.ts';
import { fixture as reverseWordsCrlfInput } from './reverse-words-crlf-input.ts';
import { fixture as sortNumbersReadline } from './sort-numbers-readline.ts';
import { fixture as stdinEventsAnswerTag } from './stdin-events-answer-tag.ts';
import { fixture as twoSumWithDuplicates } from './two-sum-with-duplicates.ts';
import { fixture as typescriptGenericChunk } from './typescript-generic-chunk.ts';
import { fixture as wordCountObject } from './word-count-object.ts';

export const HONEST_FIXTURES: Readonly<Record<string, HonestFixture>> = {
  'async-function-result': asyncFunctionResult,
  'factorial-big-integer': factorialBigInteger,
  'fibonacci-slow-times-out': fibonacciSlowTimesOut,
  'fizzbuzz-off-by-one': fizzbuzzOffByOne,
  'hypotenuse-float-return': hypotenuseFloatReturn,
  'is-prime-boolean-not-number': isPrimeBooleanNotNumber,
  'matrix-transpose-trailing-spaces': matrixTransposeTrailingSpaces,
  'mean-within-float-tolerance': meanWithinFloatTolerance,
  'nonzero-exit-after-right-output': nonzeroExitAfterRightOutput,
  'reverse-unicode-code-points': reverseUnicodeCodePoints,
  'reverse-words-crlf-input': reverseWordsCrlfInput,
  'sort-numbers-readline': sortNumbersReadline,
  'stdin-events-answer-tag': stdinEventsAnswerTag,
  'two-sum-with-duplicates': twoSumWithDuplicates,
  'typescript-generic-chunk': typescriptGenericChunk,
  'word-count-object': wordCountObject,
};
