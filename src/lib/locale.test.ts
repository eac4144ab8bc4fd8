import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, toLocale } from './locale';

describe('toLocale', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['en', 'en'],
    [undefined, 'zh-CN'],
    [null, 'zh-CN'],
    ['', 'zh-CN'],
    ['fr', 'zh-CN'],
    ['EN', 'zh-CN'],
    ['<script>', 'zh-CN'],
  ])('reads the locale cookie %s as %s', (cookie, expected) => {
    expect(toLocale(cookie)).toBe(expected);
  });

  it('defaults to Chinese', () => {
    expect(DEFAULT_LOCALE).toBe('zh-CN');
  });
});
