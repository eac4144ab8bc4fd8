import { describe, expect, it } from 'vitest';
import { splitLinks } from './split-links';

describe('splitLinks', () => {
  it('turns http and https addresses into links and keeps the text around them', () => {
    expect(splitLinks('Open https://a.example/x?t=1&u=2 now, or http://b.example.')).toEqual([
      { kind: 'text', text: 'Open ' },
      { kind: 'link', href: 'https://a.example/x?t=1&u=2' },
      { kind: 'text', text: ' now, or ' },
      { kind: 'link', href: 'http://b.example' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('stops a link at Chinese punctuation', () => {
    expect(splitLinks('点击链接：https://a.example/login?token=abc。十五分钟内有效')).toEqual([
      { kind: 'text', text: '点击链接：' },
      { kind: 'link', href: 'https://a.example/login?token=abc' },
      { kind: 'text', text: '。十五分钟内有效' },
    ]);
  });

  it('leaves markup and other schemes as plain text', () => {
    expect(splitLinks('<a href="javascript:alert(1)">x</a> ftp://c.example')).toEqual([
      { kind: 'text', text: '<a href="javascript:alert(1)">x</a> ftp://c.example' },
    ]);
  });
});
