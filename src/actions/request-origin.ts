import { headers } from 'next/headers';
import { getLocale } from '@/i18n/server';
import { toLocale, type TLocale } from '@/lib/locale';
import { clientIpFrom } from '@/server/auth';

/** Who is asking, as far as throttles and mail need to know: client IP and page language. */
export async function requestOrigin(): Promise<{ ip: string | null; locale: TLocale }> {
  return { ip: clientIpFrom(await headers()), locale: toLocale(await getLocale()) };
}
