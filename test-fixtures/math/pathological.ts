/**
 * Inputs built to hang or blow up a math grader: power towers, huge factorials and binomials, 100k-digit
 * numbers, deep nesting, long chains of relations and unions, big matrices, 100 KB completions, equations
 * whose roots are hard to separate. Built in code rather than stored (they are mostly repetition). Each must be
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
  { name: 'a huge binomial, compared by logarithms', gold: '3', prediction: boxed('\\binom{100000}{50000}') },
  { name: 'a factorial at the argument limit', gold: '\\frac{1}{2004!}', prediction: boxed('100000!') },
  { name: 'a factorial past the argument limit', gold: '3', prediction: boxed('100001!') },
  { name: '200 nested absolute values', gold: '3', prediction: boxed(`${'|'.repeat(200)}x${'|'.repeat(200)}`) },
  { name: '500 unmatched bars', gold: '3', prediction: boxed('|'.repeat(500)) },
  { name: 'a 15×15 matrix', gold: '\\begin{pmatrix}1&0\\\\0&1\\end{pmatrix}', prediction: boxed(`\\begin{pmatrix}${Array.from({ length: 15 }, () => Array.from({ length: 15 }, () => '1').join('&')).join('\\\\')}\\end{pmatrix}`) },
  { name: 'a chain of 300 inequalities', gold: '(1, 3]', prediction: boxed(Array.from({ length: 300 }, (_, i) => String(i)).join('<')) },
  { name: '90 unions of intervals', gold: '[1, 3]', prediction: boxed(Array.from({ length: 90 }, (_, i) => `[${i},${i}]`).join('\\cup ')) },
  { name: 'a power tower of imaginary units', gold: 'i', prediction: boxed('i^{i^{i^{i}}}') },
  { name: '100 equations joined by "or"', gold: '1, 2', prediction: boxed(Array.from({ length: 100 }, (_, i) => `x=${i}`).join('\\text{ or }')) },
  { name: 'an equation with a 150-term side', gold: 'y = 2x + 1', prediction: boxed(`y=${Array.from({ length: 150 }, (_, i) => `x^{${i % 9}}`).join('+')}`) },
  {
    name: 'a sextic with roots a billionth apart, against a near miss',
    gold: `${Array.from({ length: 6 }, (_, k) => `(x - 1.00000000${k})`).join('')} = 0`,
    prediction: boxed(Array.from({ length: 6 }, (_, k) => `1.00000000${k + 1}`).join(', ')),
  },
  { name: 'a cubic with roots 10^-80 apart (past the Sturm bound)', gold: '(x - 1)(x - 1 - 10^{-80})(x + 5) = 0', prediction: boxed('1, 1, -5') },
  { name: 'a sextic with 250-digit coefficients', gold: 'x^6 + 10^{250} x^5 - 10^{250} x + 7 = 0', prediction: boxed('1, 2, 3') },
  { name: 'an equation to solve raised to the 6th power', gold: '(x^6 - x - 1)^6 = 0', prediction: boxed('1') },
];
