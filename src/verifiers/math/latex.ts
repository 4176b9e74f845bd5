/**
 * LaTeX and unicode answer text to the plain syntax our expression parser reads. String work only, and
 * every pass is linear in the input (guards.ts has already capped its length and nesting).
 */
import { MAX_NESTING_DEPTH } from './guards.ts';

const UNICODE: ReadonlyArray<readonly [RegExp, string]> = [
  [/−|–/g, '-'],
  [/×|·|⋅/g, '*'],
  [/÷/g, '/'],
  [/π/g, '\\pi '],
  [/√/g, '\\sqrt'],
  [/∞/g, '\\infty '],
  [/≤|⩽/g, '<='],
  [/≥|⩾/g, '>='],
  [/≠/g, '!='],
  [/±/g, '\\pm '],
  [/∈/g, '\\in '],
  [/∪/g, '\\cup '],
  [/∩/g, '\\cap '],
  [/∅/g, '\\emptyset '],
  [/ℝ/g, '\\mathbb{R}'],
  [/⌊/g, '\\lfloor '],
  [/⌋/g, '\\rfloor '],
  [/⌈/g, '\\lceil '],
  [/⌉/g, '\\rceil '],
  [/½/g, '\\frac{1}{2}'],
  [/¼/g, '\\frac{1}{4}'],
  [/¾/g, '\\frac{3}{4}'],
  [/²/g, '^2'],
  [/³/g, '^3'],
  [/°/g, ''],
];

// A curated list of unit words stripped after a number ("5 cm", "12 dollars"); `\text{}` answers stay text.
const UNIT_WORDS =
  /(\d)\s+(?:(?:square|cubic)\s+)?(?:cm|mm|km|m|kg|g|mg|l|ml|s|sec|seconds?|minutes?|min|hours?|hrs?|days?|weeks?|years?|dollars?|cents?|degrees?|inch(?:es)?|in|feet|foot|ft|yards?|miles?|mph|meters?|units?|cm\^2|m\^2|sq\.?\s*units)$/i;

/** Function names that arrive wrapped as `\operatorname{lcm}`, `\mathrm{gcd}` or `\text{max}`. */
const WRAPPED_FUNCTIONS = /\\(?:operatorname|mathrm|text|rm)\s*\{\s*(gcd|lcm|max|min|mod|arcsin|arccos|arctan)\s*\}/g;

/** Commands rewritten in one pass: sizing and spacing dropped, fraction styles merged, relations spelled out. */
const COMMANDS: Readonly<Record<string, string>> = {
  left: '', right: '', big: '', Big: '', bigg: '', Bigg: '', bigl: '', bigr: '', Bigl: '', Bigr: '', biggl: '', biggr: '', Biggl: '', Biggr: '',
  displaystyle: '', textstyle: '', quad: ' ', qquad: ' ', degree: '',
  dfrac: '\\frac', tfrac: '\\frac', cfrac: '\\frac', dbinom: '\\binom', tbinom: '\\binom',
  le: ' <= ', leq: ' <= ', leqslant: ' <= ', ge: ' >= ', geq: ' >= ', geqslant: ' >= ', ne: ' != ', neq: ' != ', lt: ' < ', gt: ' > ',
  lor: ' \\lor ', vee: ' \\lor ', land: ' \\land ', wedge: ' \\land ',
};
const ESCAPES: Readonly<Record<string, string>> = { ',': ' ', ';': ' ', ':': ' ', '!': ' ', ' ': ' ', '(': ' ', ')': ' ', '[': ' ', ']': ' ', '\\': ' \\cr ' };

function rewriteCommand(match: string, name: string | undefined, escape: string | undefined): string {
  if (name !== undefined) return COMMANDS[name] ?? match;
  return ESCAPES[escape as string] ?? match;
}

/**
 * Removes what never changes the value: math delimiters, sizing, spacing, degrees, `\text{}` units after a
 * number, a trailing period; canonicalises `\dfrac`/`\tfrac`/`\cfrac` to `\frac`, relation symbols to `<=`,
 * `>=`, `!=`, matrix row breaks `\\` to `\cr`, `\left|…\right|` to `\lvert…\rvert`, and "or"/"and" between
 * parts to `\lor`/`\land`. Each pass runs only when its trigger character is present (this is on the hot path).
 * @example cleanLatex('$\\dfrac{1}{2}\\text{ cm}$.') // '\\frac{1}{2}'
 */
export function cleanLatex(raw: string): string {
  let s = raw;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(s)) for (const [pattern, replacement] of UNICODE) s = s.replace(pattern, replacement);
  if (s.includes('$')) s = s.replace(/\$/g, ' ');
  if (s.includes('\\')) {
    if (s.includes('|') || s.includes('vert')) {
      s = s
        .replace(/\\left\s*(?:\||\\vert(?![a-zA-Z])|\\lvert(?![a-zA-Z]))/g, '\\lvert ')
        .replace(/\\right\s*(?:\||\\vert(?![a-zA-Z])|\\rvert(?![a-zA-Z]))/g, '\\rvert ');
    }
    if (s.includes('{')) {
      s = s
        .replace(WRAPPED_FUNCTIONS, '\\$1')
        .replace(/\\mathrm\{([a-zA-Z])\}/g, '$1')
        .replace(/\\(?:text|textbf|mathrm)\{\s*(or|and)\s*\}/g, (_m, word: string) => (word === 'or' ? ' \\lor ' : ' \\land '))
        .replace(/\\(?:mathrm|textbf|mathbf|operatorname)\{/g, '\\text{');
    }
    s = s.replace(/\\(?:([a-zA-Z]+)|([,;:! ()[\]\\]))/g, rewriteCommand);
    if (s.includes('circ')) s = s.replace(/\^\s*\{?\s*\\circ\s*\}?/g, '');
  }
  if (s.includes('~')) s = s.replace(/~/g, ' ');
  if (s.includes('{,}')) s = s.replace(/\{,\}/g, ',');
  if (s.includes(' or ') || s.includes(' and ')) s = s.replace(/(?<=\s)(or|and)(?=\s)/g, (word: string) => (word === 'or' ? '\\lor' : '\\land'));
  s = s.trim();
  if (s.endsWith('.')) s = s.replace(/\s*\.$/, '').trim();
  // Units: a `\text{…}` (or a plain word list) after a number or a closing brace.
  if (s.includes('\\text') || s.includes('\\mbox')) s = s.replace(/([\d}.])\s*\\(?:text|mbox)\{\s*[a-zA-Z][a-zA-Z .^\d/]*\}(?:\^\{?\d\}?)?\s*$/, '$1');
  if (/[a-z]$/i.test(s)) s = s.replace(UNIT_WORDS, '$1').trim();
  return s;
}

/** The group after `open` in `s` (s[open] === '{'), and the index after it; null when unbalanced. */
export function group(s: string, open: number): { body: string; end: number } | null {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return { body: s.slice(open + 1, i), end: i + 1 };
  }
  return null;
}

/** One argument of a command: a `{…}` group or a single character (`\frac12`). */
function argument(s: string, at: number): { body: string; end: number } | null {
  let i = at;
  while (s[i] === ' ') i++;
  if (s[i] === '{') return group(s, i);
  if (i < s.length) return { body: s.charAt(i), end: i + 1 };
  return null;
}

/** Greek letters read as variable names (`\theta` → `theta`). */
export const GREEK_LETTERS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'theta', 'lambda', 'mu', 'nu', 'rho', 'sigma', 'tau', 'phi', 'varphi', 'omega'];

const FUNCTIONS = new Set(['sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh', 'ln', 'log', 'exp']);
// A bare `log` stays `log`: expr.ts reads it with the task's convention (natural or base 10).
const RENAMED: Readonly<Record<string, string>> = { arcsin: 'asin', arccos: 'acos', arctan: 'atan' };
const SYMBOLS: Readonly<Record<string, string>> = {
  pi: ' pi ',
  cdot: '*',
  times: '*',
  div: '/',
  infty: ' Infinity ',
  lfloor: ' floor(',
  rfloor: ')',
  lceil: ' ceil(',
  rceil: ')',
  lvert: ' abs(',
  rvert: ')',
  gcd: ' gcd',
  lcm: ' lcm',
  max: ' max',
  min: ' min',
  bmod: ' mod ',
  mod: ' mod ',
  ...Object.fromEntries(GREEK_LETTERS.map((name) => [name, ` ${name} `])),
};

/** Closing index of the parenthesis opening at `open`, or -1. */
function closeParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/**
 * The argument of `\sin x`, `\ln(x^2)`, `\sin^2 x`, `\log_2 8` (with its base), as plain text.
 * Without parentheses the argument is the next run of letters and digits, as textbooks write `\sin 2x`.
 */
function functionCall(s: string, at: number): { argument: string; power: string | null; base: string | null; end: number } | null {
  let i = at;
  let power: string | null = null;
  let base: string | null = null;
  if (s[i] === '_') {
    const b = argument(s, i + 1);
    if (b === null) return null;
    base = toPlain(b.body);
    if (base === null) return null;
    i = b.end;
  }
  if (s[i] === '^') {
    const p = argument(s, i + 1);
    if (p === null) return null;
    power = toPlain(p.body);
    i = p.end;
  }
  while (s[i] === ' ') i++;
  let body: string;
  if (s[i] === '(') {
    const close = closeParen(s, i);
    if (close === -1) return null;
    body = s.slice(i + 1, close);
    i = close + 1;
  } else if (s[i] === '{') {
    const g = group(s, i);
    if (g === null) return null;
    body = g.body;
    i = g.end;
  } else if (/^\\(?:frac|sqrt)(?![a-zA-Z])/.test(s.slice(i, i + 6))) {
    // `\sin\frac{\pi}{6}`: the argument is the whole fraction or root.
    let end = i + 5;
    if (s[end] === '[') end = s.indexOf(']', end) + 1;
    const first = end === 0 ? null : argument(s, end);
    const second = first === null || s[i + 1] === 's' ? first : argument(s, first.end);
    if (second === null) return null;
    body = s.slice(i, second.end);
    i = second.end;
  } else {
    const m = /^(?:\\[a-zA-Z]+|[A-Za-z0-9.]+)/.exec(s.slice(i, i + 64));
    if (m === null) return null;
    body = m[0];
    i += m[0].length;
  }
  const argumentText = toPlain(body);
  return argumentText === null ? null : { argument: argumentText, power, base, end: i };
}

/**
 * Plain infix text for a cleaned LaTeX expression: `\frac{a}{b}` → `((a)/(b))`, `\sqrt[n]{x}` →
 * `nthRoot((x),(n))`, braces → parentheses, `\sin` → `sin`; null when a command is not ours.
 * @example toPlain('2\\sqrt{3}+\\frac12') // '2(sqrt((3)))+((1)/(2))'
 */
export function toPlain(s: string): string | null {
  let out = '';
  let i = 0;
  let openBars = 0;
  while (i < s.length) {
    const c = s.charAt(i);
    if (c === '|') {
      // A bar after an operand closes an open |…|; anywhere else it opens one (`|x|+|y|`, `2|x|`).
      const closes = openBars > 0 && /[A-Za-z0-9.)!]\s*$/.test(out);
      out += closes ? ')' : ' abs(';
      openBars += closes ? -1 : 1;
      // Bars nest like brackets, which guards.ts caps at the same depth.
      if (openBars > MAX_NESTING_DEPTH) return null;
      i++;
      continue;
    }
    if (c === '\\' && (s[i + 1] === '{' || s[i + 1] === '}')) {
      // `\max\{a, b\}`: braces as grouping (a set answer never reaches here).
      out += s[i + 1] === '{' ? '(' : ')';
      i += 2;
      continue;
    }
    if (c === '\\') {
      const m = /^\\([a-zA-Z]+)/.exec(s.slice(i, i + 24));
      if (m === null) return null;
      const name = m[1] as string;
      i += m[0].length;
      if (name === 'frac' || name === 'binom') {
        const a = argument(s, i);
        const b = a === null ? null : argument(s, a.end);
        if (a === null || b === null) return null;
        const [pa, pb] = [toPlain(a.body), toPlain(b.body)];
        if (pa === null || pb === null) return null;
        out += name === 'frac' ? `((${pa})/(${pb}))` : `combinations((${pa}),(${pb}))`;
        i = b.end;
      } else if (name === 'sqrt') {
        let index: string | null = null;
        if (s[i] === '[') {
          const close = s.indexOf(']', i);
          if (close === -1) return null;
          index = toPlain(s.slice(i + 1, close));
          i = close + 1;
        }
        const a = argument(s, i);
        const pa = a === null ? null : toPlain(a.body);
        if (a === null || pa === null) return null;
        out += index === null ? `sqrt((${pa}))` : `nthRoot((${pa}),(${index}))`;
        i = a.end;
      } else if (FUNCTIONS.has(name)) {
        const call = functionCall(s, i);
        if (call === null) return null;
        const fn = RENAMED[name] ?? name;
        if (call.base !== null) {
          if (name !== 'log' || call.power !== null) return null;
          out += ` (ln(${call.argument})/ln(${call.base}))`;
        } else out += call.power === null ? ` ${fn}(${call.argument})` : ` (${fn}(${call.argument}))^(${call.power})`;
        i = call.end;
      } else if (name in SYMBOLS) {
        out += SYMBOLS[name];
      } else return null;
    } else if (c === '{') out += '(';
    else if (c === '}') out += ')';
    else out += c;
    i++;
    if (c === '\\') i--;
  }
  return openBars === 0 ? out : null;
}
