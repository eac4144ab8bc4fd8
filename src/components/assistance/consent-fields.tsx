import { getTranslations } from '@/i18n/server';
import { Field, SelectField } from '@/components/ui/form';
import { ConsentCheckbox } from '@/components/assistance/consent-checkbox';
import { todayInShanghai } from '@/server/billing/today-in-shanghai';

export const CONSENT_FIELD_ERRORS = [
  'consentMethod',
  'consentGivenOn',
  'consentConfirmed',
  'tooLong',
] as const;
export type TConsentFieldError = (typeof CONSENT_FIELD_ERRORS)[number];

/**
 * How and when the household agreed, as an officer records it on a server-rendered form (filing
 * for a resident, renewing for a household): method, day, note and the "they agreed" tick, each
 * with its error beside it (`error`, from the query string) and what was typed kept (`typed`).
 */
export async function ConsentFields({
  methods,
  error,
  typed = {},
  methodHint,
  confirmLabel,
}: {
  methods: readonly string[];
  error: TConsentFieldError | undefined;
  typed?: { consentMethod?: string; consentGivenOn?: string; consentNote?: string };
  methodHint?: string;
  confirmLabel: string;
}) {
  const t = await getTranslations('assistance');
  const errorOf = (name: TConsentFieldError) =>
    error === name ? [t(`errors.file.${name}`)] : undefined;
  return (
    <>
      <SelectField
        id="consentMethod"
        label={t('file.consentMethod')}
        hint={methodHint}
        options={[
          { value: '', label: t('form.choose') },
          ...methods.map((m) => ({ value: m, label: t(`consent.${m}`) })),
        ]}
        defaultValue={methods.find((m) => m === typed.consentMethod) ?? ''}
        errors={errorOf('consentMethod')}
        focus={error === 'consentMethod'}
        required
      />
      <Field
        id="consentGivenOn"
        type="date"
        label={t('file.consentGivenOn')}
        defaultValue={typed.consentGivenOn ?? todayInShanghai()}
        errors={errorOf('consentGivenOn')}
        focus={error === 'consentGivenOn'}
        required
      />
      <Field
        id="consentNote"
        label={t('file.consentNote')}
        hint={t('file.consentNoteHint')}
        defaultValue={typed.consentNote ?? ''}
        errors={errorOf('tooLong')}
        focus={error === 'tooLong'}
        maxLength={500}
      />
      <ConsentCheckbox
        errorId="consentConfirmed-error"
        label={confirmLabel}
        error={error === 'consentConfirmed' ? t('errors.file.consentConfirmed') : undefined}
        focus={error === 'consentConfirmed'}
      />
    </>
  );
}
