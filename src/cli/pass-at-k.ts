/**
 * Evaluation metrics over a group of samples: unbiased pass@k (Chen et al. 2021, "Evaluating Large
 * Language Models Trained on Code") and majority voting (maj@k, R1's cons@64). Pure functions.
 */

/**
 * Unbiased pass@k of a group of `n` samples of which `c` are correct: 1 − C(n−c, k) / C(n, k), the
 * chance that at least one of k samples drawn without replacement is correct. Computed as the product
 * ∏_{i=n−c+1..n} (1 − k/i), which never forms a binomial coefficient, so n = 4096 is as exact as n = 4.
 * @example passAtK(4, 1, 1) // 0.25
 * @example passAtK(4, 1, 2) // 0.5
 */
export function passAtK(n: number, c: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(c) || !Number.isInteger(k) || k < 1 || c < 0 || c > n || k > n) {
    throw new RangeError(`pass@k needs integers 0 ≤ c ≤ n and 1 ≤ k ≤ n (n=${n}, c=${c}, k=${k})`);
  }
  if (n - c < k) return 1; // every draw of k contains a correct sample
  let allWrong = 1;
  for (let i = n - c + 1; i <= n; i++) allWrong *= 1 - k / i;
  return 1 - allWrong;
}

/**
 * The default k values: powers of two up to the largest group size.
 * @example defaultKs(12) // [1, 2, 4, 8]
 */
export function defaultKs(maxGroupSize: number): number[] {
  const ks: number[] = [];
  for (let k = 1; k <= maxGroupSize; k *= 2) ks.push(k);
  return ks;
}

/**
 * Majority vote over extracted answers: the index of the first completion that carries the most frequent
 * non-null answer (answers compared as strings; a tie goes to the answer that appeared first), or null
 * when no completion has an answer.
 * @example majorityVote(['4', null, '5', '5', '4']) // 0 ('4' and '5' tie; '4' came first)
 * @example majorityVote(['4', '5', '5']) // 1
 */
export function majorityVote(answers: readonly (string | null)[]): number | null {
  const votes = new Map<string, { count: number; first: number }>();
  answers.forEach((answer, index) => {
    if (answer === null) return;
    const vote = votes.get(answer);
    if (vote === undefined) votes.set(answer, { count: 1, first: index });
    else vote.count++;
  });
  let winner: { count: number; first: number } | null = null;
  // Map iteration follows first occurrence, so keeping only strictly larger counts breaks ties by it.
  for (const vote of votes.values()) if (winner === null || vote.count > winner.count) winner = vote;
  return winner?.first ?? null;
}
