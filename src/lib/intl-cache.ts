type TIntlObject = Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules;

const made = new Map<string, TIntlObject>();

/**
 * One Intl formatter per key for the whole process. Building one costs far more than formatting
 * with it (tenths of a millisecond each: a dashboard that built its greeting's formatter per
 * view spent more on that than on the greeting); the keys — locale and options — come from a
 * fixed set, so the map stays small. Callers namespace their keys ("bill-day|zh-CN").
 */
export function cachedIntl<T extends TIntlObject>(key: string, make: () => T): T {
  let value = made.get(key) as T | undefined;
  if (!value) {
    value = make();
    made.set(key, value);
  }
  return value;
}
