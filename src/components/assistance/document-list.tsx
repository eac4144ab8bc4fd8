import { getFormatter, getTranslations } from '@/i18n/server';
import type { TApplicationDocument } from '@/server/assistance';

/**
 * The files uploaded for one document, each opened through the document route (which checks
 * who is asking and records the view). Images show inline when `inline` (reviewers).
 */
export async function DocumentList({
  applicationId,
  documents,
  removeAction,
  inline = false,
}: {
  applicationId: number;
  documents: TApplicationDocument[];
  removeAction: ((formData: FormData) => Promise<void>) | null;
  inline?: boolean;
}) {
  const t = await getTranslations('assistance');
  const format = await getFormatter();
  if (documents.length === 0) return <p className="text-muted">{t('documents.none')}</p>;
  return (
    <ul className="space-y-3">
      {documents.map((d) => {
        const href = `/assistance/${applicationId}/documents/${d.id}`;
        const size = format.number(Math.max(1, Math.round(d.sizeBytes / 1024)));
        return (
          <li key={d.id} className="space-y-2">
            <p className="flex flex-wrap items-center gap-3">
              <a href={href} className="link-action">
                {t('documents.open', { name: d.originalName })}
              </a>
              <span className="text-muted text-sm">
                {t('documents.size', {
                  kind: d.contentType === 'application/pdf' ? 'PDF' : t('documents.photo'),
                  size,
                })}
              </span>
              {removeAction ? (
                <form action={removeAction}>
                  <input type="hidden" name="applicationId" value={applicationId} />
                  <input type="hidden" name="documentId" value={d.id} />
                  <button
                    type="submit"
                    className="text-danger inline-flex min-h-11 items-center px-2 underline"
                    aria-label={t('documents.removeLabel', { name: d.originalName })}
                  >
                    {t('documents.remove')}
                  </button>
                </form>
              ) : null}
            </p>
            {inline && d.contentType !== 'application/pdf' ? (
              // eslint-disable-next-line @next/next/no-img-element -- served by our route, checked per viewer
              <img
                src={href}
                alt={t('documents.imageAlt', { name: d.originalName })}
                className="max-h-[32rem] max-w-full rounded border border-slate-300"
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
