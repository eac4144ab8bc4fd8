import 'server-only';
import { Document, Page, Text, View } from '@react-pdf/renderer';
import { formatFen } from '@/lib/money';
import { TIME_ZONE, type TLocale } from '@/lib/locale';
import { getTranslator } from '../i18n/get-translator';
import { getContactChannels } from '../site/get-contact-channels';
import { PDF_COLORS, pdfBaseStyles as base, renderPdfToBuffer } from '../pdf';
import type { TPaymentView } from './dto';

/**
 * The printable receipt of a succeeded payment: the same facts as the receipt page, in the
 * reader's language, with the Chinese font embedded.
 */
export async function renderReceiptPdf(input: {
  payment: TPaymentView;
  locale: TLocale;
}): Promise<Buffer> {
  const { payment, locale } = input;
  const t = getTranslator(locale);
  const money = (fen: number) => formatFen(fen, locale, payment.currency);
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  });
  const month = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    timeZone: TIME_ZONE,
  });
  const contact = getContactChannels(locale);
  const title = t('payments.receipt.pdfTitle');
  const methodKey = `payments.method.${payment.methodType ?? ''}`;
  const method = payment.methodType
    ? ['card', 'alipay', 'wechat_pay'].includes(payment.methodType)
      ? t(methodKey)
      : payment.methodType
    : null;
  const facts: [string, string][] = [
    [t('payments.receipt.status'), t(`payments.status.${payment.status}`)],
    [
      t('payments.receipt.account'),
      `${t(`payments.utility.${payment.account.utility}`)} · ${payment.account.accountNumber} · ${payment.account.maskedHolder}`,
    ],
    ...(method ? ([[t('payments.receipt.method'), method]] as [string, string][]) : []),
    [t('payments.receipt.started'), when.format(payment.createdAt)],
    ...(payment.succeededAt
      ? ([[t('payments.receipt.paidAt'), when.format(payment.succeededAt)]] as [string, string][])
      : []),
    [t('payments.receipt.reference'), payment.id],
  ];

  const document = (
    <Document title={title} author={contact.utilityName} language={locale}>
      <Page size="A4" style={base.page}>
        <View style={base.brandBar}>
          <Text style={base.brandName}>{contact.utilityName}</Text>
          <Text style={base.muted}>{title}</Text>
        </View>
        <View style={base.band}>
          <Text style={base.muted}>{t('payments.receipt.amount')}</Text>
          <Text style={{ fontSize: 22, color: PDF_COLORS.brand }}>{money(payment.amountFen)}</Text>
        </View>
        <View style={{ marginTop: 12 }}>
          {facts.map(([label, value]) => (
            <View key={label} style={{ flexDirection: 'row', marginBottom: 2 }}>
              <Text style={[base.muted, { width: locale === 'zh-CN' ? 80 : 110 }]}>{label}</Text>
              <Text style={{ flex: 1 }}>{value}</Text>
            </View>
          ))}
        </View>
        {payment.allocations.length > 0 ? (
          <>
            <Text style={base.heading}>{t('payments.receipt.settled')}</Text>
            {payment.allocations.map((a) => (
              <View key={a.billId} style={base.row} wrap={false}>
                <Text style={{ flex: 1 }}>
                  {month.format(new Date(`${a.period}T00:00:00+08:00`))}
                </Text>
                <Text style={base.amount}>{money(a.amountFen)}</Text>
              </View>
            ))}
          </>
        ) : null}
        {payment.creditFen > 0 ? (
          <Text style={base.paragraph}>
            {t('payments.receipt.credit')} {money(payment.creditFen)}
          </Text>
        ) : null}
        {payment.refundedFen > 0 ? (
          <Text style={base.paragraph}>
            {t('payments.receipt.refunded')} {money(payment.refundedFen)}
          </Text>
        ) : null}
        <View style={base.footer} fixed>
          <Text>{t('payments.receipt.pdfFooter', { utility: contact.utilityName })}</Text>
        </View>
      </Page>
    </Document>
  );
  return renderPdfToBuffer(document);
}
