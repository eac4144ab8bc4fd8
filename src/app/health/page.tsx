import { connection } from 'next/server';
import { getTranslations } from '@/i18n/server';

/**
 * Liveness page for load balancers and uptime checks: rendered per request, touches no
 * database. bench:pages uses it as the framework's own ceiling.
 */
export default async function HealthPage() {
  await connection();
  const t = await getTranslations('common');
  return <p>{t('health.ok')}</p>;
}
