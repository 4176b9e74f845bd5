/**
 * TypeScript (and ES-module JavaScript) to a CommonJS module, on the host, without type
 * checking, by esbuild's transform API under its own time budget. esbuild earns its place: it is the fast,
 * well-kept transpiler of the field and already ships with our TypeScript runner.
 */
import { transform } from 'esbuild';
import { MAX_ERROR_CHARS } from './protocol.ts';

export type Transpiled = { readonly ok: true; readonly code: string } | { readonly ok: false; readonly status: 'compile_error' | 'timeout'; readonly error: string };

// Whole-line `import`/`export` statements: an ES module, which a CommonJS module function cannot run.
const MODULE_SYNTAX = /^\s*(import\s*[\w{*'"]|export\s)/m;

/** True when a JavaScript program needs transpiling before it can run as a script. */
export function needsTranspile(language: 'javascript' | 'typescript', source: string): boolean {
  return language === 'typescript' || MODULE_SYNTAX.test(source);
}

/**
 * Transpiles one program. A syntax error is `compile_error`; running past `timeoutMs` is `timeout`.
 * @example await transpile('typescript', 'const x: number = 1; console.log(x)', 2000) // { ok: true, code: 'const x = 1;\nconsole.log(x);\n' }
 */
export async function transpile(language: 'javascript' | 'typescript', source: string, timeoutMs: number): Promise<Transpiled> {
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<Transpiled>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, status: 'timeout', error: `transpiling took longer than ${timeoutMs} ms` }), timeoutMs);
  });
  const work = transform(source, { loader: language === 'typescript' ? 'ts' : 'js', format: 'cjs', target: 'es2022', sourcemap: false, logLevel: 'silent' }).then(
    (result): Transpiled => ({ ok: true, code: result.code }),
    (error: unknown): Transpiled => ({ ok: false, status: 'compile_error', error: describe(error) }),
  );
  try {
    return await Promise.race([work, budget]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  const errors = (error as { errors?: { text?: unknown; location?: { line?: unknown; column?: unknown } | null }[] }).errors;
  const first = Array.isArray(errors) ? errors[0] : undefined;
  const text =
    first !== undefined && typeof first.text === 'string'
      ? `SyntaxError: ${first.text}${first.location ? ` (line ${String(first.location.line)}:${String(first.location.column)})` : ''}`
      : 'SyntaxError: could not transpile';
  return text.slice(0, MAX_ERROR_CHARS);
}
