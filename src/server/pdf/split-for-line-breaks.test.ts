import { describe, expect, it } from 'vitest';
import { splitForLineBreaks } from './split-for-line-breaks';

const pieces = (word: string) => splitForLineBreaks(word).filter((p) => p !== '');

describe('splitForLineBreaks', () => {
  it('lets a Chinese run break between any two characters, with empty glue between them', () => {
    expect(splitForLineBreaks('电费账单')).toEqual(['电', '', '费', '', '账', '', '单']);
  });

  it('keeps closing punctuation on the line of the character before it', () => {
    expect(pieces('本月用电，已出账。')).toEqual(['本', '月', '用', '电，', '已', '出', '账。']);
  });

  it('keeps opening brackets and the yuan sign with what follows them', () => {
    expect(pieces('合计（含税）¥80.70')).toEqual(['合', '计', '（含', '税）', '¥80.70']);
  });

  it('keeps a number or Latin word inside Chinese text whole', () => {
    expect(pieces('第一档150kWh')).toEqual(['第', '一', '档', '150kWh']);
  });

  it('hands words without Chinese to the built-in hyphenation', () => {
    expect(splitForLineBreaks('electricity', (w) => [w.slice(0, 4), w.slice(4)])).toEqual([
      'elec',
      'tricity',
    ]);
    expect(splitForLineBreaks('Tier')).toEqual(['Tier']);
  });

  it('returns the word unchanged when joined back together', () => {
    const word = '阶梯电价：第二档（2761–4800kWh）每度¥0.588。';
    expect(splitForLineBreaks(word).join('')).toBe(word);
  });
});
