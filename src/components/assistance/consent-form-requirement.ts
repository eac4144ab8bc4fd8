import { CONSENT_FORM_REQUIREMENT, type TApplicationDetail } from '@/server/assistance';

/**
 * The signed consent form an officer uploaded when filing, listed with the application's other
 * documents (only on applications an officer filed). `label` is already in the reader's language.
 */
export function consentFormRequirement(
  application: Pick<TApplicationDetail, 'filedBy'>,
  label: string,
): { id: string; labelZh: string; labelEn: string; required: boolean }[] {
  return application.filedBy
    ? [{ id: CONSENT_FORM_REQUIREMENT, labelZh: label, labelEn: label, required: false }]
    : [];
}
