import { describe, expect, it } from 'vitest';
import { createSessionClaimsCache } from './session-claims-cache';

describe('session claims cache', () => {
  it('returns what was stored until the token expires, then forgets it', () => {
    const cache = createSessionClaimsCache<string>(10);
    cache.set('token-a', 'claims-a', 1_000);
    expect(cache.get('token-a', 999)).toBe('claims-a');
    expect(cache.get('token-a', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('never answers for a token it was not given, however similar', () => {
    const cache = createSessionClaimsCache<string>(10);
    cache.set('token-a', 'claims-a', 1_000);
    expect(cache.get('token-b', 0)).toBeUndefined();
    expect(cache.get('token-a ', 0)).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the least recently stored', () => {
    const cache = createSessionClaimsCache<number>(3);
    for (let i = 0; i < 5; i++) cache.set(`t${i}`, i, 10_000);
    expect(cache.size).toBe(3);
    expect(cache.get('t0', 0)).toBeUndefined();
    expect(cache.get('t1', 0)).toBeUndefined();
    expect([cache.get('t2', 0), cache.get('t3', 0), cache.get('t4', 0)]).toEqual([2, 3, 4]);
  });
});
