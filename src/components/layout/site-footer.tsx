import Link from '@/components/ui/link';
import { useTranslations } from '@/i18n/server';
import type { TContactChannels } from '@/server/site';

export function SiteFooter({ contact }: { contact: TContactChannels }) {
  const t = useTranslations('common');
  const tComplaints = useTranslations('complaints');
  return (
    <footer className="mt-12 border-t border-slate-200 bg-slate-50">
      <div className="text-muted mx-auto grid max-w-5xl gap-4 px-4 py-6 text-sm sm:grid-cols-2">
        <div>
          <h2 className="text-ink mb-2 text-base font-semibold">{contact.utilityName}</h2>
          <p>{t('footer.tagline')}</p>
        </div>
        <div>
          <h2 className="text-ink mb-2 text-base font-semibold">{t('footer.contact')}</h2>
          <ul className="space-y-1">
            {contact.hotlines.map((h) => (
              <li key={h.utility}>
                {t(`footer.hotline.${h.utility}`)}:{' '}
                <a href={`tel:${h.number}`} className="font-semibold">
                  {h.number}
                </a>{' '}
                ({t('footer.hours', { hours: contact.hours })})
              </li>
            ))}
            <li>
              {t('footer.email')}: <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </li>
            <li>
              <Link href="/report">{tComplaints('new.anonymousTitle')}</Link>
            </li>
            <li>
              <Link href="/ratings">{tComplaints('ratings.title')}</Link>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
