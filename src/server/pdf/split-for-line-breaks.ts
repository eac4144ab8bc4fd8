import 'server-only';

/** Han, kana, CJK symbols and full-width forms: text that may break between any two characters. */
const CJK =
  /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u;

/** Closing punctuation never starts a line (Chinese line-breaking rules, 避头点). */
const NO_BREAK_BEFORE = new Set(Array.from('，。、；：？！）」』》〉】〕…—％‰,.;:?!)]}%'));
/** Opening punctuation and currency signs never end a line (避尾点). */
const NO_BREAK_AFTER = new Set(Array.from('（「『《〈【〔“‘([{¥￥'));

/**
 * react-pdf's hyphenation callback: it receives each space-separated "word" and returns the
 * pieces a line may break between. Chinese has no spaces, so a paragraph is one long word and
 * would never wrap. We cut CJK runs into single characters separated by an empty string — an
 * empty piece becomes zero-width glue, so the line breaks there WITHOUT the hyphen react-pdf
 * draws at ordinary hyphenation points. Latin words keep the built-in hyphenation.
 */
export function splitForLineBreaks(
  word: string,
  latinFallback: (word: string) => string[] = (w) => [w],
): string[] {
  if (!CJK.test(word)) return latinFallback(word);
  const chars = Array.from(word);
  const parts: string[] = [];
  let current = '';
  chars.forEach((char, i) => {
    current += char;
    const nextChar = chars[i + 1];
    if (nextChar === undefined) return;
    const cjkBoundary = CJK.test(char) || CJK.test(nextChar);
    if (cjkBoundary && !NO_BREAK_BEFORE.has(nextChar) && !NO_BREAK_AFTER.has(char)) {
      parts.push(current, '');
      current = '';
    }
  });
  parts.push(current);
  return parts;
}
