import 'server-only';
import { createElement, type ReactElement } from 'react';
import type { DocumentProps } from '@react-pdf/renderer';
import { env } from '@/env';
import { TIME_ZONE, type TLocale } from '@/lib/locale';
import { getTranslator } from '../i18n';
import { renderPdfToBuffer } from '../pdf';
import { ReportDocument, type TReportTranslate } from './report-document';
import type { TAnnualReport } from './types';

const translators = new Map<TLocale, TReportTranslate>();

function translatorFor(locale: TLocale): TReportTranslate {
  let t = translators.get(locale);
  if (!t) {
    const base = getTranslator(locale);
    t = (key, values) => base(`reports.${key}`, values);
    translators.set(locale, t);
  }
  return t;
}

/** One annual report as PDF bytes (in this process; the bulk job uses a pool of renderers). */
export async function renderReportPdf(
  report: TAnnualReport,
  locale: TLocale,
  now: Date = new Date(),
): Promise<Buffer> {
  const generatedOn = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeZone: TIME_ZONE,
  }).format(now);
  const element = createElement(ReportDocument, {
    report,
    locale,
    t: translatorFor(locale),
    utilityName: locale === 'zh-CN' ? env.UTILITY_NAME_ZH : env.UTILITY_NAME_EN,
    generatedOn,
  }) as unknown as ReactElement<DocumentProps>;
  return renderPdfToBuffer(element);
}
