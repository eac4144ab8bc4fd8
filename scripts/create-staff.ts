/**
 * Creates a staff user (the first admin, typically):
 *   npm run staff:create -- --email a@b.example --name "王主任" --role admin [--department 信息中心] [--password …]
 * Without --password it asks for one without echoing it (or reads one line from a pipe).
 * Works on PostgreSQL (DATABASE_URL) and on the embedded PGlite; the server must be stopped for PGlite.
 */
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { closeDatabase } from '@/server/db';
import { createStaffUserFromCommandLine, STAFF_ROLES } from '@/server/staff';

const ZArgsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('--email must be an e-mail address')),
  name: z.string().trim().min(1, '--name is required').max(100),
  role: z.enum(STAFF_ROLES, `--role must be one of: ${STAFF_ROLES.join(', ')}`),
  department: z.string().trim().max(100).optional(),
  password: z.string().min(10, 'the password needs at least 10 characters').max(200).optional(),
});

async function readPasswordFromTerminal(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const rl = createInterface({ input: stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  process.stdout.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          stdin.setRawMode(false);
          reject(new Error('cancelled'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'admin' },
      department: { type: 'string' },
      password: { type: 'string' },
    },
    strict: true,
  });
  const parsed = ZArgsSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`✗ ${issue.message}`);
    console.error(
      'Usage: npm run staff:create -- --email a@b.example --name NAME --role admin [--department D] [--password P]',
    );
    return 2;
  }
  let password = parsed.data.password;
  if (!password) {
    password = await readPasswordFromTerminal('Initial password (at least 10 characters): ');
    if (password.length < 10 || password.length > 200) {
      console.error('✗ the password needs at least 10 characters');
      return 2;
    }
  }
  const result = await createStaffUserFromCommandLine({
    email: parsed.data.email,
    name: parsed.data.name,
    role: parsed.data.role,
    department: parsed.data.department ?? null,
    password,
  });
  if (!result.ok) {
    console.error(`✗ There is already a user with the e-mail ${parsed.data.email}.`);
    return 1;
  }
  console.log(
    `✓ Created ${parsed.data.role} ${parsed.data.email} (${parsed.data.name}). They can sign in now.`,
  );
  return 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await closeDatabase();
}
process.exit(exitCode);
