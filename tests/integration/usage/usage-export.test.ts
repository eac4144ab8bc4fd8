import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  getUsageExport,
  monthsBetween,
  renderGreenButtonXml,
  renderUsageCsv,
  type TUsageExport,
} from '@/server/usage';
import { createResidentWithAccount } from '../../fixtures/world';
import { readingsFor } from '../../fixtures/usage';

// The repository's own copy of the ESPI 3.3 schemas, so a clean clone validates offline.
const SCHEMA = path.resolve(process.cwd(), 'tests/fixtures/greenbutton/greenbutton.xsd');
const workDir = mkdtempSync(path.join(tmpdir(), 'wanjia-greenbutton-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function xmllint(xml: string): { ok: boolean; output: string } {
  const file = path.join(workDir, `export-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  try {
    const output = execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { ok: true, output };
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: string }).stderr ?? error) };
  }
}

async function exportOf(input: { utility: 'water' | 'electricity' }) {
  const months = monthsBetween('2024-09-01', '2025-07-01').filter((p) => p !== '2025-02-01');
  const { actor, account } = await createResidentWithAccount({
    utility: input.utility,
    readings: readingsFor(months, (p) => (p === '2025-03-01' ? 24.57 : 12.3)),
  });
  const result = await getUsageExport({
    actor,
    accountId: account.id,
    from: '2025-01-01',
    to: '2025-06-01',
  });
  if (!result.ok) throw new Error(result.error);
  return result.usageExport;
}

const csvLabels = {
  header: { month: '月份', usage: '用量', unit: '单位', status: '读数方式', readOn: '抄表日期' },
  status: { actual: '实抄', estimated: '估算', customer: '自报' },
};

describe('the usage export', () => {
  it('lists the months with a reading in the range, leaving a missing month out', async () => {
    const usageExport = await exportOf({ utility: 'water' });

    expect(usageExport.rows.map((r) => [r.period, r.usage])).toEqual([
      ['2025-01-01', '12.30'],
      ['2025-03-01', '24.57'],
      ['2025-04-01', '12.30'],
      ['2025-05-01', '12.30'],
      ['2025-06-01', '12.30'],
    ]);
  });

  it('as CSV has a header and one line per month, readable by a spreadsheet in Chinese', async () => {
    const csv = renderUsageCsv(await exportOf({ utility: 'water' }), csvLabels);

    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('月份,用量,单位,读数方式,抄表日期');
    expect(lines[2]).toBe('2025-03,24.57,m³,实抄,2025-03-25');
    expect(lines).toHaveLength(6);
  });

  it.each(['electricity', 'water'] as const)(
    'as Green Button XML for %s validates against the ESPI 3.3 schemas',
    async (utility) => {
      const xml = renderGreenButtonXml(await exportOf({ utility }), {
        baseUrl: 'http://localhost:3000',
        title: '用量 & export',
      });

      const result = xmllint(xml);
      expect(result.output).toBe('');
      expect(result.ok).toBe(true);
      expect(xml.match(/<espi:IntervalReading>/g)).toHaveLength(5);
      // 24.57 kWh = 24,570 Wh; 24.57 m³ = 24,570 × 10⁻³ m³. March 2025 starts at 00:00 in Shanghai.
      expect(xml).toContain(
        '<espi:timePeriod><espi:duration>2678400</espi:duration><espi:start>1740758400</espi:start></espi:timePeriod><espi:value>24570</espi:value>',
      );
      expect(xml).toContain(`<espi:kind>${utility === 'electricity' ? 0 : 2}</espi:kind>`);
      expect(xml).toContain(`<espi:uom>${utility === 'electricity' ? 72 : 42}</espi:uom>`);
    },
  );

  it('a broken file does not validate (the check can fail)', () => {
    const empty: TUsageExport = {
      account: {
        id: 1,
        accountNumber: '1000000001',
        utility: 'water',
        unit: 'm³',
        householdSize: 3,
        district: { zh: '历下区', en: 'Lixia' },
      },
      from: '2025-01-01',
      to: '2025-01-01',
      rows: [],
    };
    const xml = renderGreenButtonXml(empty, { baseUrl: 'http://localhost', title: 't' });

    expect(xmllint(xml).ok).toBe(true);
    expect(xmllint(xml.replace(' type="espi-entry/UsagePoint"', '')).ok).toBe(false);
  });

  it('is not found for another resident', async () => {
    const a = await createResidentWithAccount({ readings: readingsFor(['2025-01-01'], 5) });
    const b = await createResidentWithAccount();

    const result = await getUsageExport({
      actor: b.actor,
      accountId: a.account.id,
      from: '2025-01-01',
      to: '2025-12-01',
    });

    expect(result).toEqual({ ok: false, error: 'not_found' });
  });

  it('refuses a range that ends before it starts or spans more than ten years', async () => {
    const { actor, account } = await createResidentWithAccount();

    expect(
      await getUsageExport({ actor, accountId: account.id, from: '2025-05-01', to: '2025-04-01' }),
    ).toEqual({ ok: false, error: 'bad_range' });
    expect(
      await getUsageExport({ actor, accountId: account.id, from: '2010-01-01', to: '2025-04-01' }),
    ).toEqual({ ok: false, error: 'bad_range' });
  });
});
