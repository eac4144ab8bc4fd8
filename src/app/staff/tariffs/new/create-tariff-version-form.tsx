'use client';

import { useActionState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { Field, FormMessage, SelectField, SubmitButton } from '@/components/ui/form';
import { initialFormState } from '@/actions/form-state';
import { createTariffVersionAction } from '@/actions/tariffs/create-tariff-version';
import { SURCHARGE_ROWS, TIER_ROWS } from '@/actions/tariffs/create-tariff-version.schema';

const TIERS = Array.from({ length: TIER_ROWS }, (_, i) => i + 1);
const SURCHARGES = Array.from({ length: SURCHARGE_ROWS }, (_, i) => i + 1);

/** Field order on the page, so the first one in error gets focus. */
const FIELD_ORDER = [
  'utility',
  'code',
  'nameZh',
  'nameEn',
  'effectiveFrom',
  'effectiveTo',
  'tierPeriod',
  'baseHouseholdSize',
  ...TIERS.flatMap((n) => [`tier${n}UpTo`, `tier${n}ExtraPerPerson`, `tier${n}UnitPrice`]),
  'fixedMonthly',
  ...SURCHARGES.flatMap((n) => [
    `surcharge${n}Code`,
    `surcharge${n}NameZh`,
    `surcharge${n}NameEn`,
    `surcharge${n}UnitPrice`,
  ]),
];

export function CreateTariffVersionForm({
  defaults,
  units,
}: {
  defaults: Record<string, string>;
  units: { electricity: string; water: string };
}) {
  const t = useTranslations('tariffs');
  const [state, action, pending] = useActionState(createTariffVersionAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const firstError = FIELD_ORDER.find((f) => errors[f]?.length);
  const submitted = state.values !== undefined;
  const value = (name: string) => state.values?.[name] ?? (submitted ? '' : (defaults[name] ?? ''));
  // Keys arrive as 'tariffs.errors.x'; this translator is scoped to the namespace.
  const messages = (name: string) =>
    errors[name]?.map((key) => t(key.replace(/^tariffs\./, ''), state.messageValues ?? {}));
  const unit = value('utility') === 'water' ? units.water : units.electricity;
  const field = (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      id={name}
      label={label}
      errors={messages(name)}
      focus={firstError === name}
      defaultValue={value(name)}
      {...extra}
    />
  );

  return (
    <form action={action} className="space-y-8" noValidate>
      {firstError ? <FormMessage tone="error">{t('new.fixErrors')}</FormMessage> : null}

      <Fieldset legend={t('new.version')}>
        <SelectField
          id="utility"
          label={t('new.utility')}
          defaultValue={value('utility')}
          errors={messages('utility')}
          focus={firstError === 'utility'}
          options={[
            { value: 'electricity', label: t('utilityOption.electricity') },
            { value: 'water', label: t('utilityOption.water') },
          ]}
        />
        {field('code', t('new.code'), { hint: t('new.codeHint'), autoComplete: 'off' })}
        {field('nameZh', t('new.nameZh'), { lang: 'zh-CN', autoComplete: 'off' })}
        {field('nameEn', t('new.nameEn'), { lang: 'en', autoComplete: 'off' })}
        {field('effectiveFrom', t('new.effectiveFrom'), {
          type: 'date',
          hint: t('new.effectiveFromHint'),
          required: true,
        })}
        {field('effectiveTo', t('new.effectiveTo'), {
          type: 'date',
          hint: t('new.effectiveToHint'),
        })}
        <div className="flex items-start gap-3">
          <input
            id="closeOpenVersion"
            name="closeOpenVersion"
            type="checkbox"
            defaultChecked={value('closeOpenVersion') === 'on'}
            aria-describedby="closeOpenVersion-hint"
            className="mt-1 size-6 shrink-0"
          />
          <div>
            <label htmlFor="closeOpenVersion" className="font-medium">
              {t('new.closeOpenVersion')}
            </label>
            <p id="closeOpenVersion-hint" className="text-muted text-sm">
              {t('new.closeOpenVersionHint')}
            </p>
          </div>
        </div>
      </Fieldset>

      <Fieldset legend={t('new.tiers')}>
        <SelectField
          id="tierPeriod"
          label={t('new.tierPeriod')}
          hint={t('new.tierPeriodHint')}
          defaultValue={value('tierPeriod')}
          errors={messages('tierPeriod')}
          focus={firstError === 'tierPeriod'}
          options={[
            { value: 'year', label: t('tierPeriod.year') },
            { value: 'month', label: t('tierPeriod.month') },
          ]}
        />
        {field('baseHouseholdSize', t('new.baseHouseholdSize'), {
          type: 'number',
          min: 1,
          max: 20,
          inputMode: 'numeric',
          hint: t('new.baseHouseholdSizeHint'),
        })}
        <p className="text-muted text-sm">{t('new.upToHint')}</p>
        {TIERS.map((n) => (
          <Fieldset key={n} legend={t('tierName', { tier: n })} nested>
            <div className="grid gap-4 sm:grid-cols-3">
              {field(`tier${n}UpTo`, t('new.upTo', { unit }), { inputMode: 'decimal' })}
              {field(`tier${n}ExtraPerPerson`, t('new.extraPerPerson', { unit }), {
                inputMode: 'decimal',
              })}
              {field(`tier${n}UnitPrice`, t('new.unitPrice', { unit }), { inputMode: 'decimal' })}
            </div>
          </Fieldset>
        ))}
      </Fieldset>

      <Fieldset legend={t('new.charges')}>
        {field('fixedMonthly', t('new.fixedMonthly'), {
          inputMode: 'decimal',
          hint: t('new.fixedMonthlyHint'),
        })}
        {SURCHARGES.map((n) => (
          <Fieldset key={n} legend={t('new.surchargeRow', { n })} nested>
            <div className="grid gap-4 sm:grid-cols-2">
              {field(`surcharge${n}Code`, t('new.surchargeCode'), { autoComplete: 'off' })}
              {field(`surcharge${n}UnitPrice`, t('new.surchargeUnitPrice', { unit }), {
                inputMode: 'decimal',
              })}
              {field(`surcharge${n}NameZh`, t('new.surchargeNameZh'), { lang: 'zh-CN' })}
              {field(`surcharge${n}NameEn`, t('new.surchargeNameEn'), { lang: 'en' })}
            </div>
          </Fieldset>
        ))}
      </Fieldset>

      <SubmitButton disabled={pending}>{t('new.submit')}</SubmitButton>
    </form>
  );
}

function Fieldset({
  legend,
  nested,
  children,
}: {
  legend: string;
  nested?: boolean;
  children: ReactNode;
}) {
  return (
    <fieldset
      className={
        nested
          ? 'space-y-3 border-t border-slate-200 pt-3'
          : 'space-y-5 rounded-lg border border-slate-300 p-4'
      }
    >
      <legend className={nested ? 'font-semibold' : 'px-1 text-lg font-semibold'}>{legend}</legend>
      {children}
    </fieldset>
  );
}
