import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../auth/roles.decorator';
import { Viewer } from '../auth/viewer';
import { MarkNotificationsReadArgs, MyNotificationsArgs } from './dto/notifications.args';
import { NotificationModel } from './models/notification.model';
import { toNotificationModel } from './notification.mapper';
import { NotificationsService } from './notifications.service';

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Roles()
  @Query(() => [NotificationModel], { description: 'Any authenticated user: their own, newest first.' })
  async myNotifications(@CurrentViewer() viewer: Viewer, @Args() args: MyNotificationsArgs): Promise<NotificationModel[]> {
    return (await this.notifications.mine(viewer, args.unreadOnly ?? false, args.first ?? 20)).map(toNotificationModel);
  }

  @Roles()
  @Mutation(() => Int, { description: "Marks the caller's own unread notifications among ids read; returns how many it marked." })
  markNotificationsRead(@CurrentViewer() viewer: Viewer, @Args() args: MarkNotificationsReadArgs): Promise<number> {
    return this.notifications.markRead(viewer, args.ids);
  }
}
