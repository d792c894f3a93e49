import { NotificationModel } from './models/notification.model';
import { NotificationEntity } from './notification.entity';

export const toNotificationModel = (notification: NotificationEntity): NotificationModel => ({
  id: notification.id,
  kind: notification.kind,
  message: notification.message,
  moduleIds: notification.moduleIds,
  read: notification.readAt !== null,
  createdAt: notification.createdAt,
});
