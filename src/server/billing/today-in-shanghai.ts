import 'server-only';
import { TIME_ZONE } from '@/lib/locale';

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date where the utility is (YYYY-MM-DD), whatever the server's own time zone. */
export function todayInShanghai(now: Date = new Date()): string {
  return formatter.format(now);
}
