import 'server-only';
import type { TRole } from '../db/schema';

/** A verified person acting through the app. Only `requireUser`/`getActor` create one. */
export type TActor = { userId: string; role: TRole; ip: string | null };
