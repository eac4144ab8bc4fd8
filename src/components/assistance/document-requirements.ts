import {
  CONSENT_FORM_REQUIREMENT,
  type TApplicationDetail,
  type TRequiredDocument,
} from '@/server/assistance';

type TDocumentRequirement = Pick<TRequiredDocument, 'id' | 'labelZh' | 'labelEn' | 'required'>;

/**
 * The document slots of an application page, in order: the programme's required documents,
 * "anything else", and — only on applications an officer filed — the signed consent form. The
 * two fixed slots are labelled from messages (`labels`, already in the reader's language).
 */
export function documentRequirements(
  application: Pick<TApplicationDetail, 'filedBy' | 'program'>,
  labels: { other: string; consentForm: string },
): TDocumentRequirement[] {
  const fixed = (id: string, label: string): TDocumentRequirement => ({
    id,
    labelZh: label,
    labelEn: label,
    required: false,
  });
  return [
    ...application.program.documents,
    fixed('other', labels.other),
    ...(application.filedBy ? [fixed(CONSENT_FORM_REQUIREMENT, labels.consentForm)] : []),
  ];
}
