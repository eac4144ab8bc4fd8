import Link from '@/components/ui/link';
import { useTranslations } from '@/i18n/server';

/**
 * "Older bills" / "back to the latest" under a bill list, as plain links (`?before=` a period),
 * so paging works without JavaScript. Shows nothing when there is one page.
 */
export function BillsPager({
  href,
  olderBefore,
  before,
  anchor,
}: {
  /** The list's own address, without `?before=`. */
  href: string;
  /** The id of the list's heading, when the list is not at the top of its page. */
  anchor?: string;
  olderBefore: string | null;
  before: string | undefined;
}) {
  const t = useTranslations('bills');
  if (!olderBefore && !before) return null;
  const hash = anchor ? `#${anchor}` : '';
  return (
    <nav aria-label={t('list.caption')} className="flex flex-wrap gap-4">
      {olderBefore ? (
        <Link
          href={`${href}?before=${olderBefore}${hash}`}
          className="inline-flex min-h-11 items-center"
        >
          {t('list.older')}
        </Link>
      ) : null}
      {before ? (
        <Link href={`${href}${hash}`} className="inline-flex min-h-11 items-center">
          {t('list.newest')}
        </Link>
      ) : null}
    </nav>
  );
}

/** `?before=` as a bill period (the first of a month), or undefined for anything else. */
export function parseBefore(raw: string | undefined): string | undefined {
  return raw && /^\d{4}-\d{2}-01$/.test(raw) ? raw : undefined;
}
