import { openDatabase } from '@/server/db/open-database';
import { migrateDatabase } from '@/server/db/migrate-database';
import { env } from '@/env';

const handle = await openDatabase();
try {
  await migrateDatabase(handle);
  console.log(
    `Migrations applied (${env.DATABASE_URL ? 'PostgreSQL' : `PGlite at ${env.PGLITE_DIR}`}).`,
  );
} finally {
  await handle.close();
}
