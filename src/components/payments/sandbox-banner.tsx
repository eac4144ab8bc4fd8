import { getTranslations } from '@/i18n/server';

/** Says, on every sandbox page, that this is a test and no real money moves. */
export async function SandboxBanner() {
  const t = await getTranslations('payments');
  return (
    <div
      role="note"
      className="rounded-lg border-2 border-dashed border-amber-600 bg-amber-50 px-4 py-3 text-amber-900"
    >
      <p className="font-bold">{t('sandbox.banner')}</p>
      <p className="text-sm">{t('sandbox.bannerHint')}</p>
    </div>
  );
}
