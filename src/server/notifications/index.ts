import 'server-only';

export { notifyUsers } from './notify-users';
export { listNotifications, INBOX_PAGE_SIZE } from './list-notifications';
export { openNotification } from './open-notification';
export { markAllNotificationsRead } from './mark-all-notifications-read';
export { countUnreadNotifications } from './count-unread-notifications';
export { renderNotificationText } from './render-notification-text';
export type { TNewNotification, TInboxItem, TNotificationText, TNotificationValue } from './types';
