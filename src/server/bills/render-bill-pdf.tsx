import 'server-only';
import { Document, Page, Text, View } from '@react-pdf/renderer';
import { formatFen } from '@/lib/money';
import type { TLocale } from '@/lib/locale';
import { getTranslator } from '../i18n/get-translator';
import { getContactChannels } from '../site/get-contact-channels';
import { PDF_COLORS, pdfBaseStyles as base, renderPdfToBuffer } from '../pdf';
import { daysInPeriod } from './compare-bills';
import { formatQuantity, renderBillLine } from './render-bill-line';
import type { TBillDetail } from './types';

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

function dateFormat(locale: TLocale, options: Intl.DateTimeFormatOptions) {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return (date: string) => format.format(utc(date));
}

/** The last day of the billed month (periods are the first of a month). */
function periodEnd(period: string): string {
  return `${period.slice(0, 8)}${String(daysInPeriod(period)).padStart(2, '0')}`;
}

/**
 * The printable bill: the same facts as the bill page — every stored line explained, tiers
 * crossed, the estimate notice, amount due and due date, the account balance — in the reader's
 * language, with the Chinese font embedded.
 */
export async function renderBillPdf(input: {
  bill: TBillDetail;
  locale: TLocale;
}): Promise<Buffer> {
  const { bill, locale } = input;
  const t = getTranslator(locale);
  const zh = locale === 'zh-CN';
  const long = dateFormat(locale, { dateStyle: 'long' });
  const month = dateFormat(locale, { year: 'numeric', month: 'long' });
  const money = (fen: number) => formatFen(fen, locale, bill.currency);
  const contact = getContactChannels(locale);
  const hotline = contact.hotlines.find((h) => h.utility === bill.utility);
  const utility = t(`bills.utility.${bill.utility}`);
  const unit = t(`bills.unit.${bill.utility}`);
  const period = month(bill.period);
  const title = t('bills.pdf.documentTitle', { utility, period });

  const facts: [string, string][] = [
    [t('bills.detail.accountNumber'), bill.account.accountNumber],
    [t('bills.detail.holder'), bill.account.holderName],
    [t('bills.detail.address'), zh ? bill.account.address.zh : bill.account.address.en],
    [
      t('bills.detail.householdSize'),
      t('bills.detail.people', { count: bill.account.householdSize }),
    ],
    [
      t('bills.detail.period'),
      t('bills.detail.periodRange', {
        from: long(bill.period),
        to: long(periodEnd(bill.period)),
        days: daysInPeriod(bill.period),
      }),
    ],
    [t('bills.detail.issuedOn'), long(bill.issuedOn)],
  ];
  if (bill.readingFrom !== null && bill.readingTo !== null) {
    facts.push([
      t('bills.detail.readings'),
      t('bills.detail.readingsRange', {
        from: formatQuantity(bill.readingFrom, locale),
        to: formatQuantity(bill.readingTo, locale),
      }),
    ]);
  }
  facts.push([
    t('bills.detail.usage'),
    `${formatQuantity(bill.usage, locale)} ${unit}${bill.estimated ? ` (${t('bills.detail.estimatedBadge')})` : ''}`,
  ]);
  if (bill.tariff) {
    facts.push([
      t('bills.detail.tariff'),
      `${zh ? bill.tariff.name.zh : bill.tariff.name.en}${zh ? '，' : '; '}${t(`bills.detail.tierPeriod.${bill.tariff.tierPeriod}`)}`,
    ]);
  }

  const document = (
    <Document title={title} author={contact.utilityName} language={locale}>
      <Page size="A4" style={base.page}>
        <View style={base.brandBar}>
          <Text style={base.brandName}>{contact.utilityName}</Text>
          <Text style={base.muted}>{title}</Text>
        </View>

        <View style={[base.band, { flexDirection: 'row', justifyContent: 'space-between' }]}>
          <View>
            <Text style={base.muted}>{t('bills.pdf.total')}</Text>
            <Text style={{ fontSize: 22, color: PDF_COLORS.brand }}>{money(bill.totalFen)}</Text>
          </View>
          <View style={{ alignItems: 'flex-end', justifyContent: 'flex-end' }}>
            <Text>
              {bill.dueOn
                ? t('bills.pdf.dueBy', { date: long(bill.dueOn) })
                : t('bills.pdf.nothingToPay')}
            </Text>
            <Text style={base.muted}>
              {t('bills.detail.balance')} {money(bill.balanceFen)}
            </Text>
          </View>
        </View>

        {bill.estimated ? (
          <View style={base.notice}>
            <Text>{t('bills.detail.estimated')}</Text>
          </View>
        ) : null}

        <View style={{ marginTop: 12 }}>
          {facts.map(([label, value]) => (
            <View key={label} style={{ flexDirection: 'row', marginBottom: 2 }}>
              <Text style={[base.muted, { width: zh ? 80 : 110 }]}>{label}</Text>
              <Text style={{ flex: 1 }}>{value}</Text>
            </View>
          ))}
        </View>

        <Text style={base.heading}>{t('bills.detail.lines')}</Text>
        {bill.lines.map((line) => (
          <View key={line.lineNo} style={base.row} wrap={false}>
            <Text style={{ flex: 1, paddingRight: 12 }}>
              {renderBillLine(line, t, locale, bill.currency)}
            </Text>
            <Text style={base.amount}>{money(line.amountFen)}</Text>
          </View>
        ))}
        <View style={[base.row, { borderBottomWidth: 0 }]}>
          <Text style={{ flex: 1 }}>{t('bills.detail.linesTotal')}</Text>
          <Text style={[base.amount, { fontWeight: 'bold' }]}>{money(bill.totalFen)}</Text>
        </View>

        {bill.tiersCrossed.map((tier) => (
          <Text key={tier} style={base.paragraph}>
            {t('bills.detail.tiersCrossed', { tierName: t('bills.tierName', { tier }) })}
          </Text>
        ))}
        <Text style={[base.muted, base.small, { marginTop: 6 }]}>{t('bills.detail.rounding')}</Text>
        <Text style={[base.muted, base.small]}>{t('bills.detail.balanceHint')}</Text>

        <View style={base.footer} fixed>
          <Text>
            {hotline
              ? t('bills.pdf.hotline', { number: hotline.number, hours: contact.hours })
              : ''}
          </Text>
          <Text>{t('bills.pdf.issuedBy', { utility: contact.utilityName })}</Text>
        </View>
      </Page>
    </Document>
  );
  return renderPdfToBuffer(document);
}
