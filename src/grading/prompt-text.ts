import type { Prompt } from '../core/schemas/request.ts';

/** The prompt as plain text: a string as is, chat messages' contents joined by newlines. */
export function promptText(prompt: Prompt | undefined): string | null {
  if (prompt === undefined) return null;
  if (typeof prompt === 'string') return prompt;
  return prompt.map((m) => m.content).join('\n');
}

/** OpenRLHF sends prompt + response: a completion that starts with its prompt is graded without it. */
export function stripEchoedPrompt(text: string, prompt: string | null): string {
  return prompt !== null && prompt.length > 0 && text.startsWith(prompt) ? text.slice(prompt.length) : text;
}
