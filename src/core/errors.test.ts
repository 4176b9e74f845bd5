import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errors.ts';
import { packagePath } from './package-root.ts';

describe('error code registry', () => {
  it('documents every code in the README errors table with its HTTP status, and nothing else', () => {
    const readme = readFileSync(packagePath('README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Errors'), readme.indexOf('\n## ', readme.indexOf('## Errors') + 1));
    const documented = Object.fromEntries([...section.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]));
    const registered = Object.fromEntries(Object.entries(ERROR_CODES).map(([code, { status }]) => [code, status]));
    expect(documented).toEqual(registered);
  });

  it('is mirrored by the Python client, which maps a failed job’s code to its error class', () => {
    const python = readFileSync(packagePath('clients', 'python', 'arbiter_client', 'errors.py'), 'utf8');
    const table = python.slice(python.indexOf('CODE_STATUS = {'), python.indexOf('}', python.indexOf('CODE_STATUS = {')));
    const mirrored = Object.fromEntries([...table.matchAll(/"([A-Z_]+)": (\d{3})/g)].map((m) => [m[1], Number(m[2])]));
    const registered = Object.fromEntries(Object.entries(ERROR_CODES).map(([code, { status }]) => [code, status]));
    expect(mirrored).toEqual(registered);
  });
});
