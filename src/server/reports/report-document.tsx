import 'server-only';
import { Document, G, Line, Page, Rect, Svg, Text, View } from '@react-pdf/renderer';
import Decimal from 'decimal.js';
import { formatFen } from '@/lib/money';
import type { TLocale } from '@/lib/locale';
import { PDF_COLORS, PDF_FONT_FAMILY, pdfBaseStyles as s } from '../pdf';
import { changeOnLastYear, formatMonth, formatPercent, formatUsage } from './format-report';
import type { TAnnualReport } from './types';

export type TReportTranslate = (key: string, values?: Record<string, string | number>) => string;

const CHART_WIDTH = 507;
const CHART_HEIGHT = 130;
const LABELS_HEIGHT = 28;

/**
 * The annual report as a PDF of one to two pages: the same figures as the web page, drawn with
 * react-pdf primitives (<Svg> bars) so no browser is needed to make 150,000 of them.
 */
export function ReportDocument({
  report,
  locale,
  t,
  utilityName,
  generatedOn,
}: {
  report: TAnnualReport;
  locale: TLocale;
  t: TReportTranslate;
  utilityName: string;
  generatedOn: string;
}) {
  const usage = (value: string) => formatUsage(value, report.utility, locale);
  const title = t('report.title', { year: report.year, utility: report.utility });
  const address = locale === 'zh-CN' ? report.address.zh : report.address.en;
  const district = locale === 'zh-CN' ? report.district.zh : report.district.en;
  const { change, months: comparedMonths } = changeOnLastYear(report);

  return (
    <Document title={title} author={utilityName} language={locale}>
      <Page size="A4" style={s.page}>
        <View style={s.brandBar}>
          <Text style={s.brandName}>{utilityName}</Text>
          <Text style={s.muted}>{t('pdf.generatedOn', { date: generatedOn })}</Text>
        </View>
        <Text style={[s.title, { marginBottom: 8 }]}>{title}</Text>
        <Text style={s.muted}>
          {t('report.account', { number: report.accountNumber })} · {address} · {district} ·{' '}
          {t('report.householdSize', { count: report.householdSize })}
        </Text>

        {report.monthsWithData === 0 ? (
          <View style={[s.notice, { marginTop: 16 }]}>
            <Text>{t('report.noData.title', { year: report.year })}</Text>
            <Text>{t('report.noData.body', { year: report.year, utility: report.utility })}</Text>
          </View>
        ) : (
          <>
            {report.monthsWithData < 12 ? (
              <Text style={s.notice}>{t('report.partial', { count: report.monthsWithData })}</Text>
            ) : null}
            <Text style={s.heading}>{t('report.figures.heading')}</Text>
            <View style={{ flexDirection: 'row', gap: 8 }}>
              <Figure label={t('report.figures.total')} value={usage(report.total)} />
              <Figure
                label={t('report.figures.cost', { utility: report.utility })}
                value={
                  report.cost
                    ? formatFen(report.cost.totalFen, locale, report.cost.currency)
                    : t('report.figures.costNone')
                }
                detail={
                  report.cost
                    ? t('report.figures.bills', { count: report.cost.bills })
                    : t('report.figures.costNoneDetail')
                }
              />
              <Figure
                label={t('report.figures.lastYear')}
                value={
                  change === null
                    ? t('report.figures.lastYearNone')
                    : change === 0
                      ? t('report.figures.same')
                      : t(change > 0 ? 'report.figures.up' : 'report.figures.down', {
                          percent: formatPercent(change, locale),
                        })
                }
                detail={
                  change === null || report.lastYearTotal === null
                    ? undefined
                    : comparedMonths < 12
                      ? t('report.figures.lastYearMonths', { count: comparedMonths })
                      : t('report.figures.lastYearTotal', { value: usage(report.lastYearTotal) })
                }
              />
              <Figure
                label={t('report.figures.similar')}
                value={
                  report.similar
                    ? t('report.figures.median', { value: usage(report.similar.median) })
                    : t('report.figures.similarNone')
                }
                detail={
                  report.similar
                    ? [
                        t('report.figures.similarLead', {
                          count: report.similar.households,
                          size: report.householdSize,
                        }),
                        t('report.figures.efficient', { value: usage(report.similar.efficient) }),
                      ].join(locale === 'zh-CN' ? '；' : '; ')
                    : undefined
                }
              />
            </View>

            <Text style={s.heading}>{t('report.chart.heading')}</Text>
            <MonthChart report={report} locale={locale} t={t} />

            <View style={{ flexDirection: 'row', gap: 16 }}>
              <View style={{ flex: 1 }}>
                <Text style={s.heading}>{t('report.peaks.heading')}</Text>
                {report.peakMonths.length ? (
                  report.peakMonths.map((period) => (
                    <Text key={period}>
                      {t('report.peaks.item', {
                        month: formatMonth(period, locale),
                        usage: usage(report.months.find((m) => m.period === period)?.usage ?? '0'),
                      })}
                    </Text>
                  ))
                ) : (
                  <Text style={s.muted}>{t('report.peaks.none')}</Text>
                )}
              </View>
              <View style={{ flex: 1 }}>
                <Text style={s.heading}>{t('report.tiers.heading')}</Text>
                {report.tierMonths.length ? (
                  <>
                    {report.tierMonths.map((tier) => (
                      <Text key={tier.tierNo}>
                        {t('report.tiers.item', {
                          tier: t('tierName', { tier: String(tier.tierNo) }),
                          count: tier.months,
                        })}
                      </Text>
                    ))}
                    <Text style={[s.muted, s.small]}>{t('report.tiers.lead')}</Text>
                  </>
                ) : (
                  <Text style={s.muted}>{t('report.tiers.none')}</Text>
                )}
              </View>
              <View style={{ flex: 1 }}>
                <Text style={s.heading}>{t('report.waivers.heading')}</Text>
                <Text style={report.waivers.lines ? undefined : s.muted}>
                  {report.waivers.lines
                    ? t('report.waivers.some', {
                        count: report.waivers.lines,
                        amount: formatFen(Math.abs(report.waivers.totalFen), locale),
                      })
                    : t('report.waivers.none')}
                </Text>
                {report.waivers.lateCredits ? (
                  <Text style={[s.muted, s.small]}>
                    {t('report.waivers.lateCredits', { count: report.waivers.lateCredits })}
                  </Text>
                ) : null}
              </View>
            </View>

            <View>
              <Text style={s.heading}>{t('report.advice.heading')}</Text>
              {report.advice.map((code) => (
                <View key={code} style={{ flexDirection: 'row', marginBottom: 4 }}>
                  <Text style={{ width: 12, color: PDF_COLORS.brand }}>•</Text>
                  <Text style={{ flex: 1 }}>{t(`report.advice.${code}`)}</Text>
                </View>
              ))}
            </View>
            {report.months.some((m) => m.estimated) ? (
              <Text style={[s.muted, s.small, { marginTop: 6 }]}>{t('report.estimatedNote')}</Text>
            ) : null}
          </>
        )}

        <View style={s.footer} fixed>
          <Text>{t('pdf.about')}</Text>
        </View>
      </Page>
    </Document>
  );
}

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <View style={[s.band, { flex: 1 }]}>
      <Text style={[s.muted, s.small]}>{label}</Text>
      <Text style={{ fontSize: 13, marginVertical: 2 }}>{value}</Text>
      {detail ? <Text style={[s.muted, s.small]}>{detail}</Text> : null}
    </View>
  );
}

/** Twelve bars (this year) with a tick for the same month last year; labels as plain text. */
function MonthChart({
  report,
  locale,
  t,
}: {
  report: TAnnualReport;
  locale: TLocale;
  t: TReportTranslate;
}) {
  const values = report.months.flatMap((m) => [m.usage, m.lastYearUsage]);
  const max = values.reduce((acc, v) => (v === null ? acc : Decimal.max(acc, v)), new Decimal(0));
  const top = niceCeiling(max.toNumber());
  const slot = CHART_WIDTH / 12;
  const barWidth = slot * 0.56;
  const y = (v: string) => CHART_HEIGHT - (Number(v) / top) * CHART_HEIGHT;
  const grid = [0.25, 0.5, 0.75, 1];

  return (
    <View>
      <View style={{ flexDirection: 'row', justifyContent: 'space-between', marginBottom: 2 }}>
        <Text style={[s.muted, s.small]}>{axisLabel(report, top, locale)}</Text>
        <Text style={[s.small]}>
          <Text style={{ color: PDF_COLORS.brand }}>■ </Text>
          {t('report.chart.thisYear', { year: report.year })}
          {report.lastYearTotal !== null ? (
            <>
              <Text style={{ color: PDF_COLORS.muted }}>{'   '}— </Text>
              {t('report.chart.lastYear', { year: report.year - 1 })}
            </>
          ) : null}
        </Text>
      </View>
      {/* Labels are SVG text, not laid-out views: 24 fewer layout nodes per PDF. */}
      <Svg width={CHART_WIDTH} height={CHART_HEIGHT + LABELS_HEIGHT}>
        {grid.map((g) => (
          <Line
            key={g}
            x1={0}
            x2={CHART_WIDTH}
            y1={CHART_HEIGHT - g * CHART_HEIGHT}
            y2={CHART_HEIGHT - g * CHART_HEIGHT}
            stroke={PDF_COLORS.rule}
            strokeWidth={0.5}
          />
        ))}
        {report.months.map((m, i) => {
          const x = i * slot + (slot - barWidth) / 2;
          const center = i * slot + slot / 2;
          return (
            <G key={m.period}>
              {m.usage !== null ? (
                <Rect
                  x={x}
                  y={y(m.usage)}
                  width={barWidth}
                  height={CHART_HEIGHT - y(m.usage)}
                  fill={m.estimated ? '#93c5fd' : PDF_COLORS.brand}
                />
              ) : null}
              {m.lastYearUsage !== null ? (
                <Line
                  x1={x - 3}
                  x2={x + barWidth + 3}
                  y1={y(m.lastYearUsage)}
                  y2={y(m.lastYearUsage)}
                  stroke={PDF_COLORS.muted}
                  strokeWidth={1.5}
                />
              ) : null}
              <Text
                x={center}
                y={CHART_HEIGHT + 11}
                textAnchor="middle"
                style={{ fontFamily: PDF_FONT_FAMILY, fontSize: 8.5 }}
                fill={PDF_COLORS.text}
              >
                {formatMonth(m.period, locale, true)}
              </Text>
              <Text
                x={center}
                y={CHART_HEIGHT + 23}
                textAnchor="middle"
                style={{ fontFamily: PDF_FONT_FAMILY, fontSize: 8.5 }}
                fill={PDF_COLORS.muted}
              >
                {m.usage === null
                  ? t('report.chart.missing')
                  : m.estimated
                    ? t('report.chart.estimated')
                    : new Decimal(m.usage).round().toString()}
              </Text>
            </G>
          );
        })}
        <Line
          x1={0}
          x2={CHART_WIDTH}
          y1={CHART_HEIGHT}
          y2={CHART_HEIGHT}
          stroke={PDF_COLORS.text}
          strokeWidth={0.75}
        />
      </Svg>
    </View>
  );
}

function axisLabel(report: TAnnualReport, top: number, locale: TLocale): string {
  return `0 – ${formatUsage(String(top), report.utility, locale)}`;
}

/** A round upper bound for the axis: 1, 2, 2.5 or 5 times a power of ten. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((f) => f * power >= value) ?? 10;
  return step * power;
}
