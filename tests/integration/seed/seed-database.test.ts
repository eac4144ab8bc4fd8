import { describe, expect, it } from 'vitest';
import { verify } from '@node-rs/argon2';
import { getDatabaseHandle } from '@/server/db';
import { DEMO_PASSWORD, DEMO_RESIDENT, DEMO_USERS } from '../../../scripts/seed/demo-people';
import { districtRows, generateCity, type TSeedArgs } from '../../../scripts/seed/generate-city';
import { seedDatabase } from '../../../scripts/seed/seed-database';

const ARGS: TSeedArgs = { households: 30, months: 3, seed: 42, end: '2025-08' };

async function tableCounts() {
  const handle = await getDatabaseHandle();
  const tables = [
    'districts',
    'premises',
    'service_accounts',
    'meters',
    'meter_readings',
    'users',
    'account_links',
    'tariffs',
    'tariff_tiers',
    'tariff_surcharges',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await handle.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = rows[0]?.n ?? -1;
  }
  return counts;
}

async function readingsFingerprint(): Promise<string> {
  const handle = await getDatabaseHandle();
  const { rows } = await handle.query<{ digest: string }>(
    `SELECT md5(string_agg(concat_ws(',', account_id, period, meter_id, read_on, reading, consumption, kind), ';'
                ORDER BY account_id, period, meter_id)) AS digest
       FROM meter_readings`,
  );
  return rows[0]?.digest ?? '';
}

describe('seeding the demo city', () => {
  it('configures a power and a water service point in every district and files the demo cases with an account under their point', async () => {
    const handle = await getDatabaseHandle();
    const seeded = await seedDatabase(handle, ARGS, { reset: true });
    expect(seeded).toMatchObject({
      ok: true,
      counts: { service_points: districtRows().length * 2 },
    });
    const { rows: points } = await handle.query<{ utility: string; n: number }>(
      `SELECT utility::text, count(DISTINCT district_id)::int AS n FROM service_points GROUP BY 1 ORDER BY 1`,
    );
    expect(points).toEqual([
      { utility: 'electricity', n: districtRows().length },
      { utility: 'water', n: districtRows().length },
    ]);
    const { rows: cases } = await handle.query<{ total: number; placed: number; wrong: number }>(
      `SELECT count(*)::int AS total, count(c.service_point_id)::int AS placed,
              count(*) FILTER (WHERE sp.district_id <> c.district_id
                                  OR (c.category <> 'illegal_use' AND sp.utility <> sa.utility))::int AS wrong
         FROM complaints c
         JOIN service_accounts sa ON sa.id = c.account_id
         LEFT JOIN service_points sp ON sp.id = c.service_point_id`,
    );
    expect(cases[0]?.total).toBeGreaterThan(0);
    expect(cases[0]).toMatchObject({ placed: cases[0]?.total, wrong: 0 });
    // The demo history without accounts is spread over the points too (the public page has
    // figures per point); only some reports name no district.
    const { rows: spread } = await handle.query<{
      points: number;
      unassigned: number;
      reports: number;
    }>(
      `SELECT count(DISTINCT service_point_id)::int AS points,
              count(*) FILTER (WHERE service_point_id IS NULL)::int AS unassigned,
              count(*) FILTER (WHERE category = 'illegal_use')::int AS reports
         FROM complaints WHERE account_id IS NULL`,
    );
    expect(spread[0]?.points).toBeGreaterThan(districtRows().length);
    expect(spread[0]?.unassigned).toBeGreaterThan(0);
    expect(spread[0]?.unassigned).toBeLessThan(spread[0]?.reports ?? 0);
  });

  it('writes the generated city, the demo people and the tariffs; refuses to seed twice; --reset gives the same city', async () => {
    const handle = await getDatabaseHandle();
    // --reset so this test builds its own world whatever ran before it in this file.
    const first = await seedDatabase(handle, ARGS, { reset: true });
    expect(first.ok).toBe(true);

    const generated = [...generateCity(ARGS)];
    const counts = await tableCounts();
    expect(counts.premises).toBe(30);
    expect(counts.service_accounts).toBe(60);
    expect(counts.meters).toBe(generated.reduce((n, h) => n + h.meters.length, 0));
    expect(counts.meter_readings).toBe(generated.reduce((n, h) => n + h.readings.length, 0));
    // About one reading per account and month: a few missing, a replaced meter adds one.
    expect(counts.meter_readings).toBeGreaterThan(60 * 3 - 6);
    expect(counts.meter_readings).toBeLessThanOrEqual(60 * 3 + 2);
    expect(counts.users).toBe(DEMO_USERS.length);
    expect(counts.account_links).toBe(6);
    expect(counts.tariffs).toBe(2);
    expect(counts.tariff_tiers).toBe(6);
    // Sewage treatment on water, billed per m³ as its own line.
    expect(counts.tariff_surcharges).toBe(1);
    const fingerprint = await readingsFingerprint();

    const again = await seedDatabase(handle, ARGS);
    expect(again).toEqual({ ok: false, error: 'seed.database_not_empty' });
    expect(await tableCounts()).toEqual(counts);

    const reset = await seedDatabase(handle, ARGS, { reset: true });
    expect(reset.ok).toBe(true);
    expect(await tableCounts()).toEqual(counts);
    expect(await readingsFingerprint()).toBe(fingerprint);
  });

  it('lets every demo user be found by e-mail with their role and the demo password', async () => {
    const handle = await getDatabaseHandle();
    expect((await seedDatabase(handle, ARGS, { reset: true })).ok).toBe(true);
    for (const person of DEMO_USERS) {
      const { rows } = await handle.query<{ role: string; name: string; password_hash: string }>(
        'SELECT role, name, password_hash FROM users WHERE email = $1',
        [person.email],
      );
      expect(rows[0]?.role).toBe(person.role);
      expect(rows[0]?.name).toBe(person.name);
    }
    const { rows } = await handle.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE email = $1',
      [DEMO_RESIDENT.email],
    );
    expect(await verify(rows[0]?.password_hash ?? '', DEMO_PASSWORD)).toBe(true);
  });

  it("links the demo resident to household 1's water and electricity accounts", async () => {
    const handle = await getDatabaseHandle();
    expect((await seedDatabase(handle, ARGS, { reset: true })).ok).toBe(true);
    const [household] = generateCity(ARGS);
    const { rows } = await handle.query<{ account_number: string; holder_name: string }>(
      `SELECT a.account_number, a.holder_name
         FROM account_links l JOIN service_accounts a ON a.id = l.account_id
         JOIN users u ON u.id = l.user_id
        WHERE u.email = $1 ORDER BY a.account_number`,
      [DEMO_RESIDENT.email],
    );
    expect(rows.map((r) => r.account_number)).toEqual(
      household?.accounts.map((a) => a.accountNumber).sort(),
    );
    expect(rows.every((r) => r.holder_name === DEMO_RESIDENT.name)).toBe(true);
  });

  it('moves the id sequences past the seeded ids, so the next premises gets a fresh id', async () => {
    const handle = await getDatabaseHandle();
    expect((await seedDatabase(handle, ARGS, { reset: true })).ok).toBe(true);
    const { rows } = await handle.query<{ id: number }>(
      `INSERT INTO premises (district_id, address_zh, address_en, household_size)
       VALUES (1, '历下区泉城路1号', '1 Quancheng Rd, Lixia District', 2) RETURNING id`,
    );
    expect(rows[0]?.id).toBe(31);
  });
});
