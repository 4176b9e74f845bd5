/**
 * The repository root, found by walking up from this module to the nearest package.json. The same code
 * runs from `src/` (tsx, tests) and from the bundle in `dist/`, so files shipped beside the code
 * (package.json, test-fixtures/, sandbox harnesses) are located from here, never by a fixed `../..`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/** @example readFileSync(join(packageRoot(), 'package.json')) */
export function packageRoot(): string {
  if (cached !== null) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  cached = dir;
  return dir;
}

/** A path inside the repository. @example packagePath('test-fixtures', 'demo.jsonl') */
export function packagePath(...segments: string[]): string {
  return join(packageRoot(), ...segments);
}
