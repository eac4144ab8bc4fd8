import { parseArgs } from 'node:util';
import { z } from 'zod';
import { lastCompletedMonth, MAX_HOUSEHOLDS, type TSeedArgs } from './generate-city';

export const SEED_DEFAULTS = { households: 2000, months: 24, seed: 42 } as const;

const ZSeedCliSchema = z.object({
  households: z.coerce.number().int().min(1).max(MAX_HOUSEHOLDS).default(SEED_DEFAULTS.households),
  months: z.coerce.number().int().min(1).max(240).default(SEED_DEFAULTS.months),
  seed: z.coerce.number().int().min(0).max(0xffffffff).default(SEED_DEFAULTS.seed),
  end: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'end must be YYYY-MM')
    .optional(),
  reset: z.boolean().default(false),
});

export type TSeedCli = { args: TSeedArgs; reset: boolean };

/** `--households N --months M --seed S [--end YYYY-MM] [--reset]`; end defaults to last month. */
export function parseSeedArgs(argv: string[], now: Date = new Date()): TSeedCli {
  const { values } = parseArgs({
    args: argv,
    options: {
      households: { type: 'string' },
      months: { type: 'string' },
      seed: { type: 'string' },
      end: { type: 'string' },
      reset: { type: 'boolean' },
    },
    strict: true,
  });
  const result = ZSeedCliSchema.safeParse(values);
  if (!result.success) {
    throw new Error(
      result.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'),
    );
  }
  const { households, months, seed, end, reset } = result.data;
  return { args: { households, months, seed, end: end ?? lastCompletedMonth(now) }, reset };
}
