import { z } from 'zod';

/**
 * The only reader of process.env. Every setting is validated here once; the rest of the
 * code imports `env`. A bad or missing required setting stops the process with a message
 * that names the setting.
 */
const ZBool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const ZEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** PostgreSQL URL. Unset: embedded PGlite in PGLITE_DIR. */
    DATABASE_URL: z.url().optional(),
    /** Connections this process keeps to PostgreSQL at most. */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
    PGLITE_DIR: z.string().min(1).default('.data/pglite'),
    /** Signs session cookies and one-time links; required in production. */
    AUTH_SECRET: z.string().min(32).optional(),
    AUTH_URL: z.url().optional(),
    AUTH_TRUST_HOST: ZBool,
    /** Public base URL used in e-mailed links. */
    APP_URL: z.url().default('http://localhost:3000'),
    /** Outgoing mail. Unset: mail stays in the outbox, shown at /dev/outbox outside production. */
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().min(3).default('万家水电 <no-reply@wanjia.example>'),
    /** Start pg-boss workers inside the Next server (always on with PGlite). */
    JOBS_IN_SERVER: ZBool,
    /** Show /dev/outbox in production too (a demo without SMTP); never on a real site. */
    OUTBOX_PAGE_ENABLED: ZBool,
    /** Contact channels shown in the footer. */
    UTILITY_NAME_ZH: z.string().default('万家水电服务中心'),
    UTILITY_NAME_EN: z.string().default('Wanjia Water & Power'),
    HOTLINE_WATER: z.string().default('96777'),
    HOTLINE_ELECTRICITY: z.string().default('95598'),
    HOTLINE_HOURS: z.string().default('24/7'),
    SUPPORT_EMAIL: z.email().default('service@wanjia.example'),
    /** Sign-in throttle: failures allowed per window, per e-mail and per IP. */
    SIGNIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(5),
    SIGNIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
    SIGNIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
    /** Account-link throttle: wrong account/code pairs allowed per user per window. */
    LINK_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LINK_WINDOW_MINUTES: z.coerce.number().int().min(1).default(60),
    /** Illegal-use reports (违章举报) filed without signing in: reports allowed per IP per window. */
    REPORT_MAX_PER_IP: z.coerce.number().int().min(1).default(5),
    REPORT_WINDOW_MINUTES: z.coerce.number().int().min(1).default(60),
    /** Trust X-Forwarded-For for the client IP (only behind your own proxy). */
    TRUST_PROXY: ZBool,
    /** Local directory of the file store (generated PDFs, uploads); never under public/. */
    FILE_STORE_DIR: z.string().min(1).default('.data/files'),
    /** Days after a waiver decision when the application's documents are deleted (decision kept). */
    ASSISTANCE_DOCUMENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    /** Stripe. Unset key: payments go to the offline sandbox (see STRIPE_SANDBOX_ENABLED). */
    STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
    /**
     * The offline Stripe sandbox. Always on outside production when STRIPE_SECRET_KEY is unset;
     * in production only when set to true (a demo), otherwise online payment is switched off.
     */
    STRIPE_SANDBOX_ENABLED: ZBool,
    /** Sandbox webhooks arrive late, twice and out of order like Stripe's; false = in order, once. */
    STRIPE_SANDBOX_CHAOS: z
      .enum(['true', 'false', '1', '0'])
      .default('true')
      .transform((v) => v === 'true' || v === '1'),
    /** Seed of the sandbox's chaos, for a repeatable run; unset = random. */
    STRIPE_SANDBOX_SEED: z.coerce.number().int().optional(),
    /** Refunds above this many fen need a second, different staff member's approval. */
    REFUND_APPROVAL_THRESHOLD_FEN: z.coerce.number().int().min(0).default(50_000),
    /** Pay without signing in: wrong account/code pairs allowed per IP per window. */
    GUEST_PAY_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    GUEST_PAY_WINDOW_MINUTES: z.coerce.number().int().min(1).default(60),
    /** Days between a direct-debit advance notice and its collection (SEPA 14; Bacs minimum 2). */
    DIRECT_DEBIT_NOTICE_DAYS: z.coerce.number().int().min(2).max(60).default(14),
    /** Provider calls in flight at once while collecting direct debits. */
    DIRECT_DEBIT_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(32),
  })
  .superRefine((value, ctx) => {
    if (value.STRIPE_SECRET_KEY && !value.STRIPE_WEBHOOK_SECRET && !isBuildPhase()) {
      ctx.addIssue({
        code: 'custom',
        path: ['STRIPE_WEBHOOK_SECRET'],
        message:
          'STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY (the signing secret of your webhook endpoint).',
      });
    }
    if (value.NODE_ENV === 'production' && !value.AUTH_SECRET && !isBuildPhase()) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SECRET'],
        message:
          'AUTH_SECRET is required in production (32+ random characters, e.g. `openssl rand -base64 32`).',
      });
    }
  });

/** True while `next build` runs (nothing may open the database or start jobs then). */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === 'phase-production-build';
}

export type TEnv = z.infer<typeof ZEnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  // Empty strings in .env files mean "unset".
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = ZEnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment settings:\n${lines.join('\n')}`);
  }
  return result.data;
}

export const env: TEnv = parseEnv(process.env);

/** Development-only fallback so `npm run dev` and tests work without configuring a secret. */
export const authSecret: string =
  env.AUTH_SECRET ?? 'wanjia-development-secret-not-for-production-use-0000';
