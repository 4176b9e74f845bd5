import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseKList, parseWeights, resolveGradeOptions } from './grade-options.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../test-fixtures/cli/${name}`, import.meta.url));
const env = { ARBITER_THREADS: '3', ARBITER_COMPLETION_TIMEOUT_MS: '7000' };

describe('grade options', () => {
  it('parses --weights shorthand by component name', () => {
    expect(parseWeights('accuracy=1, format=0.5,language=-1')).toEqual({ accuracy: 1, format: 0.5, language: -1 });
  });

  it('rejects a --weights entry with an unknown component or a weight that is not a number', () => {
    expect(() => parseWeights('acuracy=1')).toThrowErrorMatchingInlineSnapshot(
      `[CliError: --weights: "acuracy=1" is not name=weight with name one of accuracy, format, language, length, repetition, cosine]`,
    );
    expect(() => parseWeights('format=lots')).toThrowErrorMatchingInlineSnapshot(`[CliError: --weights: "format=lots": the weight is not a number]`);
  });

  it('sorts --k values and drops repeats', () => {
    expect(parseKList('16,1,4,4')).toEqual([1, 4, 16]);
    expect(() => parseKList('1,0')).toThrow(/--k: expected a whole number ≥ 1/);
  });

  it('takes defaults from the environment when neither flag nor config file says', async () => {
    const options = await resolveGradeOptions('in.jsonl', {}, env);
    expect(options).toMatchObject({ outputPath: null, rewards: null, advantage: null, threads: 3, completionTimeoutMs: 7000, batchSize: 256, ks: null });
  });

  it('lets the config file override the environment and flags override the config file', async () => {
    const fromFile = await resolveGradeOptions('in.jsonl', { config: fixture('config-verl-half-format.json') }, env);
    expect(fromFile).toMatchObject({ threads: 1, batchSize: 2, advantage: { preset: 'verl' }, rewards: { accuracy: 1, format: { weight: 0.5, mode: 'think' } } });
    const flagged = await resolveGradeOptions('in.jsonl', { config: fixture('config-verl-half-format.json'), threads: '4', preset: 'trl', scale: 'batch', weights: 'format=2,length=1' }, env);
    expect(flagged).toMatchObject({ threads: 4, batchSize: 2, advantage: { preset: 'trl', scale: 'batch' } });
    // --weights keeps the options of a component the config file gave as an object
    expect(flagged.rewards).toEqual({ accuracy: 1, format: { weight: 2, mode: 'think' }, length: 1 });
  });

  it('names an unknown key of the config file', async () => {
    await expect(resolveGradeOptions('in.jsonl', { config: fixture('config-unknown-key.json') }, env)).rejects.toThrowErrorMatchingInlineSnapshot(
      `[CliError: --config ${fixture('config-unknown-key.json')}: batch_sise: unknown field]`,
    );
  });

  it('validates --rewards JSON against the reward schema', async () => {
    await expect(resolveGradeOptions('in.jsonl', { rewards: '{"accuracy":1,"format":{"mode":"fancy"}}' }, env)).rejects.toThrow(/^rewards\.format\.mode: /);
    await expect(resolveGradeOptions('in.jsonl', { rewards: '{accuracy:1}' }, env)).rejects.toThrow(/^--rewards: invalid JSON/);
  });

  it('refuses --resume without an output file', async () => {
    await expect(resolveGradeOptions('in.jsonl', { resume: true }, env)).rejects.toThrowErrorMatchingInlineSnapshot(`[CliError: --resume needs -o FILE: it appends to that file]`);
  });
});
