/**
 * Inputs built to hang or blow up a math grader: power towers, huge factorials, 100k-digit numbers, deep
 * nesting, 100 KB completions. Built in code rather than stored (they are mostly repetition). Each must be
 * answered within 250 ms (src/verifiers/math/fixtures.test.ts).
 */

export interface PathologicalCase {
  readonly name: string;
  readonly gold: string;
  readonly prediction: string;
}

const boxed = (body: string): string => `The answer is \\boxed{${body}}`;

export const PATHOLOGICAL_CASES: readonly PathologicalCase[] = [
  { name: 'power tower in the prediction', gold: '2', prediction: boxed('2^{2^{2^{2^{2}}}}') },
  { name: 'power tower in the gold', gold: '2^{2^{2^{2^{2}}}}', prediction: boxed('2') },
  { name: 'factorial of 10^7', gold: '3', prediction: boxed('(10^7)!') },
  { name: 'factorial of a huge literal', gold: '3', prediction: boxed('99999999999!') },
  { name: '2^65536', gold: '3', prediction: boxed('2^{65536}') },
  { name: '10^999999999', gold: '3', prediction: boxed('10^{999999999}') },
  { name: 'scientific literal with a huge exponent', gold: '3', prediction: boxed('1e9999') },
  { name: '100k-digit number, boxed', gold: '3', prediction: boxed('9'.repeat(100_000)) },
  { name: '100k-digit number, bare', gold: '3', prediction: '9'.repeat(100_000) },
  { name: '2,000 nested parentheses', gold: '3', prediction: boxed(`${'('.repeat(2000)}1${')'.repeat(2000)}`) },
  { name: '2,000 nested braces', gold: '3', prediction: boxed(`${'{'.repeat(2000)}1${'}'.repeat(2000)}`) },
  { name: '2,000 nested square roots', gold: '3', prediction: boxed(`${'\\sqrt{'.repeat(2000)}2${'}'.repeat(2000)}`) },
  { name: '30 nested fractions', gold: '3', prediction: boxed(`${'\\frac{1}{'.repeat(30)}2${'}'.repeat(30)}`) },
  { name: '50,000 repeated sums', gold: '3', prediction: boxed(Array.from({ length: 50_000 }, () => '1').join('+')) },
  { name: '50,000 repeated letters', gold: 'x', prediction: boxed('x'.repeat(50_000)) },
  { name: 'a 120-term polynomial', gold: 'x', prediction: boxed(Array.from({ length: 120 }, (_, i) => `x^{${i}}`).join('+')) },
  { name: 'a large rational to the 5000th power', gold: '3', prediction: boxed('(\\frac{123456789}{987654321})^{5000}') },
  { name: '500 nested interval brackets', gold: '[1,2]', prediction: boxed(`${'['.repeat(500)}1,2${']'.repeat(500)}`) },
  { name: 'a 400-element set', gold: '\\{1,2\\}', prediction: boxed(`\\{${Array.from({ length: 400 }, () => '1').join(',')}\\}`) },
  { name: '10,000 boxes', gold: '3', prediction: '\\boxed{1}'.repeat(10_000) },
  { name: '20,000 unbalanced boxes', gold: '3', prediction: '\\boxed{'.repeat(20_000) },
  { name: '8,000 answer markers', gold: '3', prediction: 'The answer is '.repeat(8000) },
  { name: '100 KB of hashes', gold: '3', prediction: '#'.repeat(100_000) },
  { name: '12,000 think tags', gold: '4', prediction: `${'</think>'.repeat(12_000)}3` },
  { name: '100 KB without an answer', gold: '3', prediction: 'a'.repeat(100_000) },
  { name: '100 KB inside an answer tag', gold: '3', prediction: `<answer>${'1+'.repeat(50_000)}1</answer>` },
];
