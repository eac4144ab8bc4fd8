import { getTranslations } from '@/i18n/server';
import type { TPaymentView } from '@/server/payments';

const TONES: Record<TPaymentView['status'], string> = {
  pending: 'bg-slate-100 text-slate-800',
  processing: 'bg-amber-100 text-amber-900',
  succeeded: 'bg-green-100 text-green-900',
  failed: 'bg-red-100 text-red-900',
  canceled: 'bg-slate-100 text-slate-800',
  refunded: 'bg-slate-100 text-slate-800',
  partially_refunded: 'bg-slate-100 text-slate-800',
};

/** A payment's status in words (never colour alone). */
export async function PaymentStatusText({ status }: { status: TPaymentView['status'] }) {
  const t = await getTranslations('payments');
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${TONES[status]}`}>
      {t(`status.${status}`)}
    </span>
  );
}
