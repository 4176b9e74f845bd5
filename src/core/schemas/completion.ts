import { Type, type Static } from '@sinclair/typebox';

/** A completion with the metadata that makes length rewards exact without a tokenizer. */
export const CompletionObject = Type.Object(
  {
    text: Type.String(),
    finish_reason: Type.Optional(
      Type.Union([Type.Literal('stop'), Type.Literal('length')], {
        description: '"length" marks a truncated completion (stop-properly penalty, DAPO overlong).',
      }),
    ),
    num_tokens: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Token count; length rewards use it instead of characters.' }),
    ),
  },
  { additionalProperties: false },
);

/** A completion: the text, or an object with the text and its metadata. */
export const Completion = Type.Union([Type.String(), CompletionObject]);

export type CompletionObject = Static<typeof CompletionObject>;
export type Completion = Static<typeof Completion>;

/** The form every verifier sees: text always present, metadata normalised. */
export interface NormalizedCompletion {
  readonly text: string;
  readonly finishReason: 'stop' | 'length' | null;
  readonly numTokens: number | null;
}

/** Turns either wire form into the normalised form. */
export function normalizeCompletion(completion: Completion): NormalizedCompletion {
  if (typeof completion === 'string') return { text: completion, finishReason: null, numTokens: null };
  return {
    text: completion.text,
    finishReason: completion.finish_reason ?? null,
    numTokens: completion.num_tokens ?? null,
  };
}
