import 'server-only';
import { createHash } from 'node:crypto';
import { Decimal } from '@/lib/decimal';
import { addMonths, epochSecondsInShanghai } from './months';
import type { TUsageExport, TUsageExportRow } from './types';

/**
 * Green Button (NAESB ESPI 3.3) codes. Electricity is Wh (uom 72) and water m³ × 10⁻³ (uom 42,
 * powerOfTenMultiplier −3, i.e. litres): readings are kept to 0.01 kWh / 0.01 m³ and ESPI
 * values are integers, so these units carry them exactly.
 */
const READING_CODES = {
  electricity: { serviceKind: 0, commodity: 1, kind: 12, uom: 72, powerOfTen: 0 },
  water: { serviceKind: 2, commodity: 9, kind: 58, uom: 42, powerOfTen: -3 },
} as const;
/** AccumulationKind deltaData: each value is the usage of its own interval. */
const ACCUMULATION_DELTA = 4;
const FLOW_FORWARD = 1;
/** QualityOfReading: 7 manually edited (read by the customer), 8 estimated. */
const QUALITY: Record<TUsageExportRow['status'], number | null> = {
  actual: null,
  customer: 7,
  estimated: 8,
};

function escapeXml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** A stable name-based UUID (SHA-1, version 5 layout), so a re-export keeps its ids. */
function uuidFor(name: string): string {
  const hex = createHash('sha1').update(`wanjia:greenbutton:${name}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function interval(fromDate: string, toDate: string): { start: number; duration: number } {
  const start = epochSecondsInShanghai(fromDate);
  return { start, duration: epochSecondsInShanghai(toDate) - start };
}

function link(rel: string, href: string, type: string): string {
  return `<link rel="${rel}" href="${escapeXml(href)}" type="${type}"/>`;
}

function entry(input: {
  id: string;
  title: string;
  links: string[];
  updated: string;
  content: string;
}): string {
  return [
    '  <entry>',
    `    <id>urn:uuid:${input.id}</id>`,
    ...input.links.map((l) => `    ${l}`),
    `    <title>${escapeXml(input.title)}</title>`,
    `    <published>${input.updated}</published>`,
    `    <updated>${input.updated}</updated>`,
    `    <content type="xml">${input.content}</content>`,
    '  </entry>',
  ].join('\n');
}

/**
 * An Atom feed with one UsagePoint, its MeterReading and ReadingType, and one IntervalBlock
 * holding one IntervalReading per month with a reading (start in epoch seconds at midnight in
 * Shanghai, duration to the next month, value in the ReadingType's unit). Months without a
 * reading are left out, as Green Button does for gaps. Validates against the ESPI 3.3 schemas.
 */
export function renderGreenButtonXml(
  usageExport: TUsageExport,
  input: { baseUrl: string; title: string; now?: Date },
): string {
  const { account } = usageExport;
  const codes = READING_CODES[account.utility];
  const updated = (input.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const subscription = `${input.baseUrl}/espi/1_1/resource/Subscription/${account.accountNumber}`;
  const usagePoint = `${subscription}/UsagePoint/1`;
  const meterReading = `${usagePoint}/MeterReading/1`;
  const readingType = `${input.baseUrl}/espi/1_1/resource/ReadingType/${account.utility}`;
  const intervalBlock = `${meterReading}/IntervalBlock/1`;
  // kWh → Wh and m³ → 10⁻³ m³ are both × 1000.
  const scale = 1000;
  const idOf = (what: string) => uuidFor(`${account.accountNumber}:${what}`);

  const readings = usageExport.rows.map((r) => {
    const { start, duration } = interval(r.period, addMonths(r.period, 1));
    const quality = QUALITY[r.status];
    return [
      '<espi:IntervalReading>',
      quality === null
        ? ''
        : `<espi:ReadingQuality><espi:quality>${quality}</espi:quality></espi:ReadingQuality>`,
      `<espi:timePeriod><espi:duration>${duration}</espi:duration><espi:start>${start}</espi:start></espi:timePeriod>`,
      `<espi:value>${new Decimal(r.usage).times(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0)}</espi:value>`,
      '</espi:IntervalReading>',
    ].join('');
  });
  const block = interval(usageExport.from, addMonths(usageExport.to, 1));

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:espi="http://naesb.org/espi">',
    `  <id>urn:uuid:${idOf(`feed:${usageExport.from}:${usageExport.to}`)}</id>`,
    `  <title>${escapeXml(input.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  ${link('self', `${subscription}/UsagePoint`, 'espi-feed/UsagePoint')}`,
    entry({
      id: idOf('usage-point'),
      title: input.title,
      updated,
      links: [
        link('self', usagePoint, 'espi-entry/UsagePoint'),
        link('up', `${subscription}/UsagePoint`, 'espi-feed/UsagePoint'),
        link('related', `${usagePoint}/MeterReading`, 'espi-feed/MeterReading'),
      ],
      content: `<espi:UsagePoint><espi:ServiceCategory><espi:kind>${codes.serviceKind}</espi:kind></espi:ServiceCategory></espi:UsagePoint>`,
    }),
    entry({
      id: idOf('meter-reading'),
      title: input.title,
      updated,
      links: [
        link('self', meterReading, 'espi-entry/MeterReading'),
        link('up', `${usagePoint}/MeterReading`, 'espi-feed/MeterReading'),
        link('related', readingType, 'espi-entry/ReadingType'),
        link('related', `${meterReading}/IntervalBlock`, 'espi-feed/IntervalBlock'),
      ],
      content: '<espi:MeterReading/>',
    }),
    entry({
      id: idOf('reading-type'),
      title: input.title,
      updated,
      links: [
        link('self', readingType, 'espi-entry/ReadingType'),
        link('up', `${input.baseUrl}/espi/1_1/resource/ReadingType`, 'espi-feed/ReadingType'),
      ],
      content: [
        '<espi:ReadingType>',
        `<espi:accumulationBehaviour>${ACCUMULATION_DELTA}</espi:accumulationBehaviour>`,
        `<espi:commodity>${codes.commodity}</espi:commodity>`,
        `<espi:flowDirection>${FLOW_FORWARD}</espi:flowDirection>`,
        `<espi:kind>${codes.kind}</espi:kind>`,
        `<espi:powerOfTenMultiplier>${codes.powerOfTen}</espi:powerOfTenMultiplier>`,
        `<espi:uom>${codes.uom}</espi:uom>`,
        '</espi:ReadingType>',
      ].join(''),
    }),
    entry({
      id: idOf(`interval-block:${usageExport.from}:${usageExport.to}`),
      title: input.title,
      updated,
      links: [
        link('self', intervalBlock, 'espi-entry/IntervalBlock'),
        link('up', `${meterReading}/IntervalBlock`, 'espi-feed/IntervalBlock'),
      ],
      content: [
        '<espi:IntervalBlock>',
        `<espi:interval><espi:duration>${block.duration}</espi:duration><espi:start>${block.start}</espi:start></espi:interval>`,
        ...readings,
        '</espi:IntervalBlock>',
      ].join(''),
    }),
    '</feed>',
    '',
  ].join('\n');
}
