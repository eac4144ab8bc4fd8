import 'server-only';

export { saveNotice, type TSaveNoticeResult } from './save-notice';
export { publishNotice, type TPublishNoticeResult } from './publish-notice';
export { withdrawNotice, type TWithdrawNoticeResult } from './withdraw-notice';
export { reviseNotice, type TNoticeRevisionInput, type TReviseNoticeResult } from './revise-notice';
export { cancelNotice, type TCancelNoticeResult } from './cancel-notice';
export { notifyRevisionRecipients } from './notify-revision-recipients';
export { notifyNoticeRecipients, type TNotifyNoticeReport } from './notify-notice-recipients';
export { noticeNotifyQueue, NOTICE_NOTIFY_QUEUE } from './notice-notify-job';
export {
  listPublicNotices,
  NOTICE_WHEN,
  PUBLIC_NOTICES_PAGE_SIZE,
  type TNoticeWhen,
} from './list-public-notices';
export { getPublicNotice } from './get-public-notice';
export { listResidentNotices, residentNoticesPart } from './list-resident-notices';
export { listNoticeDistricts } from './list-notice-districts';
export { listStaffNotices, STAFF_NOTICES_PAGE_SIZE } from './list-staff-notices';
export { getStaffNotice } from './get-staff-notice';
export { LEAD_TIME_HOURS, UTILITY_OF_KIND } from './notice-rules';
export { NOTICE_KINDS, NOTICE_STATUSES } from '../db/schema/notices';
export type * from './types';
