import 'server-only';
import { hash, verify } from '@node-rs/argon2';
import { runOutsideRequests } from '../process/outside-requests';

// argon2id with the library defaults (m=19 MiB, t=2, p=1): OWASP's recommended minimum.
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spend the same time as a real check when the e-mail is unknown, so timing reveals nothing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  // Made outside the request: the process keeps this promise (src/server/process/outside-requests.ts).
  dummyHash ??= runOutsideRequests(() => hash('wanjia-timing-equaliser'));
  await verifyPassword(await dummyHash, password);
}
