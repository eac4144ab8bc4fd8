import { z } from 'zod';
import { Decimal } from '@/lib/decimal';
import { fenFromYuan } from '@/lib/money';
import type { TNewTariffVersion } from '@/server/tariffs';

/** Rows the form offers; blank rows are ignored (no JavaScript needed to "add a row"). */
export const TIER_ROWS = 5;
export const SURCHARGE_ROWS = 3;

const E = 'tariffs.errors';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** numeric(12,2): tier bounds and per-person allowances. */
const QUANTITY = /^\d{1,10}(\.\d{1,2})?$/;
/** numeric(10,4): unit prices in yuan. */
const PRICE = /^\d{1,6}(\.\d{1,4})?$/;
const YUAN = /^\d{1,7}(\.\d{1,2})?$/;

const text = (max: number) => z.string().trim().max(max, `${E}.tooLong`);
const optional = (pattern: RegExp, message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || pattern.test(v), message);

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const tierFields = Object.fromEntries(
  Array.from({ length: TIER_ROWS }, (_, i) => [
    [`tier${i + 1}UpTo`, optional(QUANTITY, `${E}.quantity`)],
    [`tier${i + 1}ExtraPerPerson`, optional(QUANTITY, `${E}.quantity`)],
    [`tier${i + 1}UnitPrice`, optional(PRICE, `${E}.price`)],
  ]).flat(),
) as Record<`tier${number}${'UpTo' | 'ExtraPerPerson' | 'UnitPrice'}`, z.ZodString>;

const surchargeFields = Object.fromEntries(
  Array.from({ length: SURCHARGE_ROWS }, (_, i) => [
    [`surcharge${i + 1}Code`, optional(/^[A-Z0-9_-]{1,20}$/, `${E}.surchargeCode`)],
    [`surcharge${i + 1}NameZh`, text(60)],
    [`surcharge${i + 1}NameEn`, text(60)],
    [`surcharge${i + 1}UnitPrice`, optional(PRICE, `${E}.price`)],
  ]).flat(),
) as Record<`surcharge${number}${'Code' | 'NameZh' | 'NameEn' | 'UnitPrice'}`, z.ZodString>;

/**
 * The new-version form, flat as it is posted (field name = input id, so each error lands next
 * to its field). Rules across fields (tier ladder, dates) are checked in superRefine.
 */
export const ZCreateTariffVersionSchema = z
  .object({
    utility: z.enum(['electricity', 'water'], `${E}.utility`),
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9_-]{2,30}$/, `${E}.code`),
    nameZh: z.string().trim().min(1, `${E}.nameZh`).max(100, `${E}.tooLong`),
    nameEn: z.string().trim().min(1, `${E}.nameEn`).max(100, `${E}.tooLong`),
    effectiveFrom: z.string().trim().refine(isRealDate, `${E}.date`),
    effectiveTo: z
      .string()
      .trim()
      .refine((v) => v === '' || isRealDate(v), `${E}.date`),
    tierPeriod: z.enum(['year', 'month'], `${E}.tierPeriod`),
    baseHouseholdSize: z.coerce
      .number(`${E}.householdSize`)
      .int(`${E}.householdSize`)
      .min(1, `${E}.householdSize`)
      .max(20, `${E}.householdSize`),
    fixedMonthly: z
      .string()
      .trim()
      .refine((v) => v === '' || YUAN.test(v), `${E}.money`),
    closeOpenVersion: z.string().transform((v) => v === 'on' || v === 'true'),
    ...tierFields,
    ...surchargeFields,
  })
  .superRefine((form, ctx) => {
    if (
      form.effectiveTo !== '' &&
      isRealDate(form.effectiveFrom) &&
      form.effectiveTo <= form.effectiveFrom
    ) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: `${E}.endBeforeStart` });
    }
    const tiers = tierRows(form);
    if (tiers.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['tier1UnitPrice'], message: `${E}.noTiers` });
    }
    let previous = new Decimal(0);
    let gap = false;
    for (const row of tierRowsWithBlanks(form)) {
      if (!row.filled) {
        gap = true;
        continue;
      }
      const n = row.n;
      if (gap) {
        ctx.addIssue({ code: 'custom', path: [`tier${n}UnitPrice`], message: `${E}.tierGap` });
        gap = false;
      }
      if (row.unitPrice === '') {
        ctx.addIssue({
          code: 'custom',
          path: [`tier${n}UnitPrice`],
          message: `${E}.priceRequired`,
        });
      }
      const isTop = n === tiers.at(-1)?.n;
      if (isTop && row.upTo !== '') {
        ctx.addIssue({ code: 'custom', path: [`tier${n}UpTo`], message: `${E}.topTierOpen` });
      }
      if (!isTop && row.upTo === '') {
        ctx.addIssue({ code: 'custom', path: [`tier${n}UpTo`], message: `${E}.upToRequired` });
      }
      if (!isTop && QUANTITY.test(row.upTo)) {
        if (!new Decimal(row.upTo).gt(previous)) {
          ctx.addIssue({ code: 'custom', path: [`tier${n}UpTo`], message: `${E}.tiersAscend` });
        }
        previous = new Decimal(row.upTo);
      }
    }
    const codes = new Set<string>();
    for (const row of surchargeRows(form)) {
      const n = row.n;
      if (row.code === '') {
        ctx.addIssue({
          code: 'custom',
          path: [`surcharge${n}Code`],
          message: `${E}.surchargeCode`,
        });
      } else if (codes.has(row.code)) {
        ctx.addIssue({
          code: 'custom',
          path: [`surcharge${n}Code`],
          message: `${E}.surchargeDuplicate`,
        });
      }
      codes.add(row.code);
      if (row.nameZh === '') {
        ctx.addIssue({ code: 'custom', path: [`surcharge${n}NameZh`], message: `${E}.nameZh` });
      }
      if (row.nameEn === '') {
        ctx.addIssue({ code: 'custom', path: [`surcharge${n}NameEn`], message: `${E}.nameEn` });
      }
      if (row.unitPrice === '') {
        ctx.addIssue({
          code: 'custom',
          path: [`surcharge${n}UnitPrice`],
          message: `${E}.priceRequired`,
        });
      }
    }
  });

export type TCreateTariffVersionForm = z.infer<typeof ZCreateTariffVersionSchema>;

type TFlat = Record<string, unknown>;
const field = (form: TFlat, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

function tierRowsWithBlanks(form: TFlat) {
  return Array.from({ length: TIER_ROWS }, (_, i) => {
    const n = i + 1;
    const upTo = field(form, `tier${n}UpTo`);
    const extraPerPerson = field(form, `tier${n}ExtraPerPerson`);
    const unitPrice = field(form, `tier${n}UnitPrice`);
    return { n, upTo, extraPerPerson, unitPrice, filled: upTo + extraPerPerson + unitPrice !== '' };
  });
}

function tierRows(form: TFlat) {
  return tierRowsWithBlanks(form).filter((row) => row.filled);
}

function surchargeRows(form: TFlat) {
  return Array.from({ length: SURCHARGE_ROWS }, (_, i) => {
    const n = i + 1;
    return {
      n,
      code: field(form, `surcharge${n}Code`),
      nameZh: field(form, `surcharge${n}NameZh`),
      nameEn: field(form, `surcharge${n}NameEn`),
      unitPrice: field(form, `surcharge${n}UnitPrice`),
    };
  }).filter((row) => row.code + row.nameZh + row.nameEn + row.unitPrice !== '');
}

/** The parsed form as the domain's new version (blank rows dropped, yuan to fen). */
export function toNewTariffVersion(form: TCreateTariffVersionForm): TNewTariffVersion {
  const tiers = tierRows(form);
  return {
    utility: form.utility,
    code: form.code,
    nameZh: form.nameZh,
    nameEn: form.nameEn,
    effectiveFrom: form.effectiveFrom,
    effectiveTo: form.effectiveTo === '' ? null : form.effectiveTo,
    tierPeriod: form.tierPeriod,
    baseHouseholdSize: form.baseHouseholdSize,
    fixedMonthlyFen: form.fixedMonthly === '' ? 0 : fenFromYuan(form.fixedMonthly),
    closeOpenVersion: form.closeOpenVersion,
    tiers: tiers.map((row, index) => ({
      upTo: index === tiers.length - 1 ? null : row.upTo,
      extraPerPerson: row.extraPerPerson === '' ? '0' : row.extraPerPerson,
      unitPrice: row.unitPrice,
    })),
    surcharges: surchargeRows(form).map(({ code, nameZh, nameEn, unitPrice }) => ({
      code,
      nameZh,
      nameEn,
      unitPrice,
    })),
  };
}
