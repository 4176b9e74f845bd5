import { describe, expect, it } from 'vitest';
import { languageConsistency, thinkSpans } from './language.ts';
import { isKnownLanguageTarget, resolveLanguageTarget } from './language-targets.ts';
import { RewardConfigError } from './reward-config-error.ts';

const score = (text: string, target: string) => languageConsistency(text, resolveLanguageTarget(target, null));

describe('languageConsistency (R1: target-language words / words of the CoT)', () => {
  it('counts each Han character as a word, and Latin letter runs as words', () => {
    expect(score('<think>I think 我想</think><answer>4</answer>', 'zh')).toEqual({
      value: 0.5,
      details: { target: 'zh', inferred: false, words: 4, target_words: 2 },
    });
  });

  it('gives 1 to a think span entirely in the target language', () => {
    expect(score('<think>First, add the numbers.</think><answer>4</answer>', 'en').value).toBe(1);
  });

  it('gives 0 with details.words 0 when the think span has no words', () => {
    expect(score('<think>123 + 456 = 579!</think><answer>579</answer>', 'en')).toEqual({
      value: 0,
      details: { target: 'en', inferred: false, words: 0, target_words: 0 },
    });
  });

  it('does not count digits, math spans or LaTeX commands as words, but counts \\text{…} prose', () => {
    const text = '<think>计算 $x+y$ 和 $$\\int f$$ \\frac{a}{b} \\(z\\) \\[w\\] \\text{得到} 3</think>';
    expect(score(text, 'zh').details).toEqual({ target: 'zh', inferred: false, words: 5, target_words: 5 });
  });

  it('treats an unclosed $ as punctuation rather than swallowing the rest', () => {
    expect(score('<think>costs $5 and more</think>', 'en').details.words).toBe(3);
  });

  it('keeps combining marks and the Katakana long-vowel mark inside their word', () => {
    expect(score('<think>cafe\u0301 ok</think>', 'en').details.words).toBe(2);
    expect(score('<think>コーヒー</think>', 'ja').details).toEqual({ target: 'ja', inferred: false, words: 2, target_words: 2 });
  });

  it('splits words where the script changes or a digit intervenes', () => {
    expect(score('<think>abc123def</think>', 'en').details.words).toBe(2);
    expect(score('<think>abcпривет</think>', 'ru')).toMatchObject({ value: 0.5 });
  });

  it('counts Japanese as Han plus kana, and Chinese as Han only', () => {
    expect(score('<think>これは日本語です</think>', 'ja').value).toBe(1);
    expect(score('<think>これは日本語です</think>', 'zh').value).toBe(3 / 8);
  });

  it('counts Hangul runs as words and accepts Han for Korean', () => {
    expect(score('<think>안녕하세요 세계 漢字</think>', 'ko')).toMatchObject({ value: 1, details: { words: 4 } });
    expect(score('<think>안녕하세요 세계 漢字</think>', 'zh').value).toBe(0.5);
  });

  it('accepts script names and ISO 15924 codes as targets', () => {
    expect(score('<think>привет мир hello</think>', 'cyrillic').value).toBe(2 / 3);
    expect(score('<think>привет мир hello</think>', 'Cyrl').value).toBe(2 / 3);
    expect(score('<think>привет мир hello</think>', 'latin').value).toBe(1 / 3);
  });

  it('counts words of scripts it does not name as non-target words', () => {
    expect(score('<think>ሰላም hello</think>', 'en').value).toBe(0.5);
  });
});

describe('thinkSpans', () => {
  it('is the body of the first think block', () => {
    const text = '<think>abc</think><think>z</think>';
    const [a, b] = thinkSpans(text);
    expect(text.slice(a, b)).toBe('abc');
  });

  it('runs to the end after a <think> that is never closed', () => {
    expect(score('<think>hello 世界', 'en').value).toBe(1 / 3);
  });

  it('is the text before </think> when the template put <think> in the prompt', () => {
    expect(score('世界</think>hello hello', 'zh').value).toBe(1);
  });

  it('is the completion without its answer block when there is no think tag', () => {
    expect(score('Bonjour <answer>答案</answer> merci', 'fr')).toMatchObject({ value: 1, details: { words: 2 } });
    expect(score('Bonjour <answer>答案 unclosed', 'fr')).toMatchObject({ value: 1, details: { words: 1 } });
  });
});

describe('resolveLanguageTarget', () => {
  it('infers the prompt’s dominant script by letter count', () => {
    expect(resolveLanguageTarget(null, '请用中文回答这个问题')).toMatchObject({ target: 'zh', inferred: true });
    expect(resolveLanguageTarget(null, 'これは何ですか')).toMatchObject({ target: 'ja', inferred: true });
    expect(resolveLanguageTarget(null, '안녕하세요 世界')).toMatchObject({ target: 'ko', inferred: true });
    expect(resolveLanguageTarget(null, 'Привет, мир')).toMatchObject({ target: 'cyrillic', inferred: true });
    expect(resolveLanguageTarget(null, 'What is 2+2?')).toMatchObject({ target: 'latin', inferred: true });
    // Letters, not words: 6 Latin letters outweigh 5 Han characters.
    expect(resolveLanguageTarget(null, '请计算一下 what is')).toMatchObject({ target: 'latin' });
  });

  it('falls back to en without a prompt or without letters in it', () => {
    expect(resolveLanguageTarget(null, null)).toMatchObject({ target: 'en', inferred: true });
    expect(resolveLanguageTarget(null, '1 + 1 = ?')).toMatchObject({ target: 'en', inferred: true });
  });

  it('throws a RewardConfigError naming the field for an unknown target', () => {
    const error = (() => {
      try {
        resolveLanguageTarget('klingon', null);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RewardConfigError);
    expect({ ...(error as RewardConfigError), message: (error as Error).message }).toMatchInlineSnapshot(`
      {
        "field": "rewards.language.target",
        "message": "unknown language target "klingon"",
        "name": "RewardConfigError",
      }
    `);
  });
});

describe('isKnownLanguageTarget', () => {
  it('knows language codes with region or script subtags, case-insensitively', () => {
    for (const target of ['en', 'EN', 'zh-Hans', 'pt_BR', 'sr-Latn', 'ja', 'ko', 'ar', 'he', 'hi', 'th', 'el', 'uk', 'fa', 'bg']) {
      expect(isKnownLanguageTarget(target), target).toBe(true);
    }
  });

  it('knows script names and ISO 15924 codes', () => {
    for (const target of ['latin', 'han', 'Hangul', 'devanagari', 'Latn', 'Jpan', 'Kore']) expect(isKnownLanguageTarget(target), target).toBe(true);
  });

  it('rejects anything else', () => {
    for (const target of ['klingon', 'xx', 'zz-Latx', '']) expect(isKnownLanguageTarget(target), target).toBe(false);
  });

  it('maps a script subtag over the language: sr-Latn is Latin, not Cyrillic', () => {
    expect(languageConsistency('<think>zdravo</think>', resolveLanguageTarget('sr-Latn', null)).value).toBe(1);
    expect(languageConsistency('<think>zdravo</think>', resolveLanguageTarget('sr', null)).value).toBe(0);
  });
});

describe('language reward on long completions', () => {
  it('scores 100 KB of mixed text in linear time', () => {
    const text = '<think>' + 'word 字 $x$ \\( \\frac{ '.repeat(5000) + '</think>';
    const start = performance.now();
    const result = score(text, 'zh');
    expect(performance.now() - start).toBeLessThan(100);
    expect(result.details.words).toBeGreaterThan(0);
  });
});
