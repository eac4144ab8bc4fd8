import { toShanghaiDateTimeValue } from '@/actions/notices/save-notice.schema';
import type { TStaffNotice } from '@/server/notices';
import type { TNoticeFormDefaults } from './notice-form';

/** A saved notice as the form's starting values (times in Beijing time). */
export function noticeFormDefaults(notice: TStaffNotice): TNoticeFormDefaults {
  return {
    noticeId: String(notice.id),
    kind: notice.kind,
    utility: notice.utility,
    titleZh: notice.titleZh,
    titleEn: notice.titleEn ?? '',
    bodyZh: notice.bodyZh,
    bodyEn: notice.bodyEn ?? '',
    startsAt: toShanghaiDateTimeValue(notice.startsAt),
    endsAt: toShanghaiDateTimeValue(notice.endsAt),
    emergency: notice.emergency ? 'on' : '',
    emergencyReason: notice.emergencyReason ?? '',
    districtIds: notice.districtIds.join(','),
    accountNumbers: notice.accountNumbers.join('\n'),
  };
}
