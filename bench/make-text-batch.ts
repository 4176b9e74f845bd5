/**
 * Deterministic synthetic text-task batches for benchmarks: groups of R1-style completions of realistic
 * length (a few hundred to ~2,000 characters), some correct, some wrong, some malformed, some in Chinese.
 */
import type { Group } from '../src/core/schemas/request.ts';
import { seededRandom } from '../src/core/seeded-random.ts';

const WORDS = 'the answer follows from the definition so we check each option carefully and compare it with the question before we decide which one fits best'.split(' ');
const HAN = '因为所以我们首先考虑这个问题然后比较每个选项最后得到答案';

function sentence(random: () => number, words: number, chinese: boolean): string {
  if (chinese) return Array.from({ length: words }, () => HAN[Math.floor(random() * HAN.length)]).join('');
  return Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}

/** `groups` groups of `size` completions each; answers are capitals, a quarter of the groups multiple choice. */
export function makeTextBatch(groups: number, size: number, seed = 1): Group[] {
  const random = seededRandom(seed);
  const capitals = ['Paris', 'Rome', 'Madrid', 'Berlin', 'Vienna', 'Lisbon', 'Athens', 'Warsaw'];
  return Array.from({ length: groups }, (_, g) => {
    const answer = capitals[g % capitals.length] as string;
    const choice = g % 4 === 0;
    const completions = Array.from({ length: size }, () => {
      const think = sentence(random, 30 + Math.floor(random() * 250), random() < 0.1);
      const picked = random() < 0.5 ? answer : (capitals[Math.floor(random() * capitals.length)] as string);
      const said = choice ? `(${String.fromCharCode(65 + capitals.indexOf(picked))})` : picked;
      const roll = random();
      const text = roll < 0.8 ? `<think>\n${think}\n</think>\n<answer>\n${said}\n</answer>` : roll < 0.9 ? `${think} The answer is ${said}.` : `<think>${think}`;
      return roll < 0.95 ? text : { text, finish_reason: 'length' as const, num_tokens: Math.ceil(text.length / 4) };
    });
    return {
      id: `bench-${g}`,
      prompt: `What is the capital? Think inside <think> and answer inside <answer>.`,
      task: choice ? { type: 'text' as const, answer: String.fromCharCode(65 + capitals.indexOf(answer)), choices: capitals } : { type: 'text' as const, answer },
      completions,
    };
  });
}
