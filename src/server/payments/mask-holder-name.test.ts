import { describe, expect, it } from 'vitest';
import { maskHolderName } from './mask-holder-name';

describe('maskHolderName', () => {
  it.each([
    ['张三丰', '张**'],
    ['李娜', '李*'],
    ['王', '王*'],
    ['Li Na', 'Li **'],
    ['  欧阳修  ', '欧**'],
    ['', ''],
  ])('%s → %s', (name, masked) => {
    expect(maskHolderName(name)).toBe(masked);
  });
});
