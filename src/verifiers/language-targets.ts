/**
 * Language targets of the language-consistency reward: a language code (`en`, `zh-Hans`, `pt-BR`) or a
 * script name (`latin`, `han`, ISO 15924 `Cyrl`) mapped to the set of scripts whose words count as
 * "in the target language". Script-level, on purpose: telling French from English needs a language model,
 * telling Chinese from English does not, and mixing scripts is the failure R1's reward targets.
 */
import { RewardConfigError } from './reward-config-error.ts';
import { SCRIPT_NAMES, SCRIPT_SLOTS, countLetters, scriptId, type ScriptName } from './scripts.ts';

const BY_SCRIPT: Record<ScriptName, string> = {
  latin: 'en fr de es it pt nl sv da no nb nn fi is pl cs sk sl hr bs ro hu tr az uz id ms vi tl fil ca eu gl et lv lt sq mt ga cy af sw yo ha ig zu xh so eo la',
  cyrillic: 'ru uk bg be mk sr kk ky mn tg',
  greek: 'el',
  arabic: 'ar fa ur ps ug ckb sd',
  hebrew: 'he iw yi',
  devanagari: 'hi mr ne sa',
  bengali: 'bn as',
  gurmukhi: 'pa',
  gujarati: 'gu',
  tamil: 'ta',
  telugu: 'te',
  kannada: 'kn',
  malayalam: 'ml',
  sinhala: 'si',
  thai: 'th',
  lao: 'lo',
  tibetan: 'bo',
  myanmar: 'my',
  georgian: 'ka',
  armenian: 'hy',
  ethiopic: 'am ti',
  khmer: 'km',
  han: 'zh',
  hangul: '',
  hiragana: '',
  katakana: '',
};

const ISO_15924: Record<string, readonly ScriptName[]> = {
  latn: ['latin'], cyrl: ['cyrillic'], grek: ['greek'], arab: ['arabic'], hebr: ['hebrew'], deva: ['devanagari'],
  beng: ['bengali'], guru: ['gurmukhi'], gujr: ['gujarati'], taml: ['tamil'], telu: ['telugu'], knda: ['kannada'],
  mlym: ['malayalam'], sinh: ['sinhala'], thai: ['thai'], laoo: ['lao'], tibt: ['tibetan'], mymr: ['myanmar'],
  geor: ['georgian'], armn: ['armenian'], ethi: ['ethiopic'], khmr: ['khmer'], hani: ['han'], hans: ['han'],
  hant: ['han'], hang: ['hangul'], hira: ['hiragana'], kana: ['katakana'], jpan: ['han', 'hiragana', 'katakana'],
  kore: ['hangul', 'han'],
};

const TARGETS = new Map<string, number>();
const maskOf = (scripts: readonly ScriptName[]): number => scripts.reduce((m, s) => m | (1 << scriptId(s)), 0);
for (const name of SCRIPT_NAMES) {
  TARGETS.set(name, maskOf([name]));
  for (const code of BY_SCRIPT[name].split(' ')) if (code !== '') TARGETS.set(code, maskOf([name]));
}
for (const [code, scripts] of Object.entries(ISO_15924)) TARGETS.set(code, maskOf(scripts));
TARGETS.set('ja', maskOf(['han', 'hiragana', 'katakana']));
TARGETS.set('ko', maskOf(['hangul', 'han']));

/** Script mask of a target (bit `scriptId(s)` set for each script s), or null when unknown. */
function lookup(target: string): number | null {
  const key = target.toLowerCase().replace(/_/g, '-');
  const direct = TARGETS.get(key);
  if (direct !== undefined) return direct;
  const subtags = key.split('-');
  // A script subtag wins over the language: sr-Latn is Latin, zh-Hant is Han.
  for (const subtag of subtags.slice(1)) if (subtag.length === 4 && ISO_15924[subtag]) return TARGETS.get(subtag) ?? null;
  return TARGETS.get(subtags[0] ?? '') ?? null;
}

/**
 * Whether a language target is known (codes and script names are case-insensitive; region subtags ignored).
 * @example isKnownLanguageTarget('zh-Hans') // true; isKnownLanguageTarget('klingon') // false
 */
export function isKnownLanguageTarget(target: string): boolean {
  return lookup(target) !== null;
}

/** A target ready for counting: `mask` has bit `scriptId(s)` set for each target script s. */
export interface LanguageTarget {
  readonly target: string;
  readonly inferred: boolean;
  readonly mask: number;
}

/** Target inferred when the prompt has no letters (or there is no prompt). Default 'en'. */
export const DEFAULT_LANGUAGE_TARGET = 'en';

/**
 * Resolves an explicit target, or infers one from the prompt's dominant script (by letter count, with
 * Han and kana counted together as one CJK bloc: any kana makes it `ja`), else `en`.
 * Throws RewardConfigError for an unknown explicit target.
 * @example resolveLanguageTarget(null, '请计算 1+1') // { target: 'zh', inferred: true, mask: … }
 */
export function resolveLanguageTarget(target: string | null, prompt: string | null, field = 'rewards.language.target'): LanguageTarget {
  if (target !== null) {
    const mask = lookup(target);
    if (mask === null) throw new RewardConfigError(field, `unknown language target "${target}"`);
    return { target, inferred: false, mask };
  }
  const inferredTarget = inferTarget(prompt);
  return { target: inferredTarget, inferred: true, mask: lookup(inferredTarget) as number };
}

function inferTarget(prompt: string | null): string {
  if (prompt === null) return DEFAULT_LANGUAGE_TARGET;
  const counts = new Uint32Array(SCRIPT_SLOTS);
  if (countLetters(prompt, 0, prompt.length, counts) === 0) return DEFAULT_LANGUAGE_TARGET;
  const at = (s: ScriptName): number => counts[scriptId(s)] as number;
  const kana = at('hiragana') + at('katakana');
  let best: string = DEFAULT_LANGUAGE_TARGET;
  let bestCount = 0;
  for (const name of SCRIPT_NAMES) {
    if (name === 'han' || name === 'hiragana' || name === 'katakana') continue;
    const n = at(name);
    if (n > bestCount) {
      best = name === 'hangul' ? 'ko' : name;
      bestCount = n;
    }
  }
  const cjk = at('han') + kana;
  if (cjk > bestCount) return kana > 0 ? 'ja' : 'zh';
  return best;
}
