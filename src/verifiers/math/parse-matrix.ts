/**
 * Matrices: `\begin{pmatrix}…\end{pmatrix}` (and `bmatrix`, `Bmatrix`, `matrix`, `smallmatrix`, `array`), rows
 * split at `\cr` (latex.ts's form of `\\`) and cells at `&`. A determinant (`vmatrix`) is not a matrix
 * value and stays text.
 */
import type { ParseText } from './parse-relations.ts';
import type { MathValue } from './value.ts';

const ENVIRONMENT = /^\\begin\{(pmatrix|bmatrix|Bmatrix|matrix|smallmatrix|array)\}(.*)\\end\{\1\}$/s;

/**
 * The matrix a cleaned text denotes, or null when it is not one (ragged rows included).
 * @example matrixValue('\\begin{pmatrix}1 & 2 \\cr 3 & 4\\end{pmatrix}', parse) // 2×2
 */
export function matrixValue(s: string, parse: ParseText): MathValue | null {
  const m = ENVIRONMENT.exec(s);
  if (m === null) return null;
  let body = m[2] as string;
  // `array` carries a column spec: `{cc}`, `{c|c}`.
  if (m[1] === 'array') body = body.replace(/^\s*\{[lcr| ]*\}/, '');
  if (body.includes('\\begin')) return null;
  const rows = body
    .split('\\cr')
    .map((row) => row.trim())
    .filter((row, k, all) => row !== '' || k < all.length - 1)
    .map((row) => row.replace(/\\hline/g, '').split('&').map((cell) => cell.trim()));
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || width === 0 || rows.some((row) => row.length !== width || row.includes(''))) return null;
  return { kind: 'matrix', rows: rows.map((row) => row.map((cell) => parse(cell))) };
}
