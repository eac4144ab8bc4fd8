import { describe, expect, it } from 'vitest';
import { getDatabaseHandle } from '@/server/db';
import { listResidentNotices } from '@/server/notices/list-resident-notices';
import { listPublicNotices } from '@/server/notices/list-public-notices';
import { DEMO_LANDLORD, DEMO_RESIDENT } from '../../../scripts/seed/demo-people';
import { seedDatabase } from '../../../scripts/seed/seed-database';
import { actorFor } from '../../fixtures/world';

describe('the demo city’s notices', () => {
  it('gives the demo resident a power cut in progress, low pressure coming and this month’s water quality, already announced', async () => {
    const handle = await getDatabaseHandle();
    const seeded = await seedDatabase(
      handle,
      { households: 20, months: 2, seed: 7, end: '2026-10' },
      { reset: true },
    );
    expect(seeded).toMatchObject({ ok: true, counts: { notices: 3 } });

    const mine = await listResidentNotices({
      actor: actorFor({ id: DEMO_RESIDENT.id, role: 'resident' }),
    });
    expect(mine.map((n) => [n.kind, n.current]).sort()).toEqual([
      ['low_pressure', false],
      ['planned_outage', true],
      ['water_quality', true],
    ]);

    const current = await listPublicNotices({ when: 'current' });
    expect(current.notices.map((n) => n.kind).sort()).toEqual(['planned_outage', 'water_quality']);
    const landlord = await listResidentNotices({
      actor: actorFor({ id: DEMO_LANDLORD.id, role: 'resident' }),
    });
    expect(landlord.map((n) => n.kind)).toContain('water_quality');

    // Counted as announced: the notify sweep (published, notified_at null) leaves them alone.
    const { rows } = await handle.query<{ id: number }>(
      `SELECT id FROM notices WHERE notified_at IS NULL`,
    );
    expect(rows).toEqual([]);
  });
});
