import { getFormatter, getTranslations } from '@/i18n/server';
import { TableScroll } from '@/components/ui/table-scroll';

export type TReadingRow = {
  period: string;
  readOn: string;
  reading: string;
  consumption: string;
  kind: 'actual' | 'estimated' | 'customer';
  meterSerial: string;
};

/** A date-only value (YYYY-MM-DD) as noon in Shanghai, so no time zone shifts its day. */
export function dateOnly(value: string): Date {
  return new Date(`${value}T12:00:00+08:00`);
}

/**
 * Meter readings as an accessible table (caption, column headers, row headers). Usage comes right
 * after the month: on a phone the table scrolls sideways, and what was used is what residents
 * look for first.
 */
export async function ReadingsTable({
  readings,
  utility,
  caption,
}: {
  readings: TReadingRow[];
  utility: 'water' | 'electricity';
  caption: string;
}) {
  const t = await getTranslations('accounts');
  const format = await getFormatter();
  const unit = t(`unit.${utility}`);
  const number = (value: string) =>
    format.number(Number(value), { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  const showMeter = new Set(readings.map((r) => r.meterSerial)).size > 1;
  if (readings.length === 0) return <p className="text-muted">{t('readings.empty')}</p>;
  return (
    <TableScroll label={caption}>
      <table className="w-full min-w-[32rem] border-collapse text-left">
        <caption className="text-muted mb-2 text-left text-sm">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-2 pr-4">
              {t('readings.period')}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t('readings.consumption')}
            </th>
            <th scope="col" className="py-2 pr-4 text-right">
              {t('readings.reading')}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t('readings.readOn')}
            </th>
            <th scope="col" className="py-2 pr-4">
              {t('readings.kind')}
            </th>
            {showMeter ? (
              <th scope="col" className="py-2">
                {t('readings.meter')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {readings.map((r) => (
            <tr key={`${r.period}-${r.meterSerial}`} className="border-b border-slate-200">
              <th scope="row" className="py-2 pr-4 font-medium">
                {format.dateTime(dateOnly(r.period), { year: 'numeric', month: 'long' })}
              </th>
              <td className="py-2 pr-4 text-right tabular-nums">
                {t('amount', { value: number(r.consumption), unit })}
              </td>
              <td className="py-2 pr-4 text-right tabular-nums">{number(r.reading)}</td>
              <td className="py-2 pr-4">
                {format.dateTime(dateOnly(r.readOn), { dateStyle: 'medium' })}
              </td>
              <td className="py-2 pr-4">
                {r.kind === 'actual' ? (
                  t(`kind.${r.kind}`)
                ) : (
                  <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-900">
                    {t(`kind.${r.kind}`)}
                  </span>
                )}
              </td>
              {showMeter ? <td className="py-2">{r.meterSerial}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
