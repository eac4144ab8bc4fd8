import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDb, getDatabaseHandle } from '@/server/db';
import { users } from '@/server/db/schema';

describe('the test database', () => {
  it('starts migrated and empty for every test file', async () => {
    const db = await getDb();
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(row?.n).toBe(0);
  });

  it('runs on the database the environment asks for', async () => {
    const handle = await getDatabaseHandle();
    expect(handle.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });
});
