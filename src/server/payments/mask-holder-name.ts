import 'server-only';

/**
 * A holder's name as a stranger may see it: the family name and one star per other character
 * (张三丰 → 张**, "Li Na" → "Li **"), enough for a son to recognise his mother's account and no
 * more.
 */
export function maskHolderName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) return '';
  if (/\s/.test(trimmed)) {
    const [first, ...rest] = trimmed.split(/\s+/);
    return [first, ...rest.map((part) => '*'.repeat(Math.max(part.length, 1)))].join(' ');
  }
  const chars = Array.from(trimmed);
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}
