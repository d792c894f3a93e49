import { Body, Get, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { canSee } from '../catalog/module-access';
import { ModuleEntity } from '../catalog/module.entity';
import { badInput } from '../common/domain-error';
import { LoaderRegistry } from '../graphql/loaders';
import { asList, readForm } from '../web/form';
import { Page, PageContext } from '../web/page-context';
import { renderDocument } from '../web/render';
import { SignedIn, WebController } from '../web/web-page';
import { MarkNotificationsReadArgs } from './dto/notifications.args';
import { NotificationsService } from './notifications.service';
import { NotificationItem, NotificationsView } from './views/notifications.view';

/** Every unread one (the most myNotifications gives at once), then the newest read ones. */
const UNREAD_SHOWN = 100;
const RECENT_SHOWN = 20;

/** /notifikasi: myNotifications as a page, unread first; /notifikasi/dibaca is markNotificationsRead. */
@WebController()
export class NotificationsPages {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly loaders: LoaderRegistry,
  ) {}

  @Get('notifikasi')
  @SignedIn()
  async notificationsPage(@Page() ctx: PageContext): Promise<string> {
    const viewer = ctx.viewer!;
    // The service lists newest first; asking for the unread ones apart puts them first however old they are.
    const [unread, recent] = await Promise.all([this.notifications.mine(viewer, true, UNREAD_SHOWN), this.notifications.mine(viewer, false, RECENT_SHOWN)]);
    const read = recent.filter((notification) => notification.readAt !== null);
    const moduleIds = [...new Set([...unread, ...read].flatMap((notification) => notification.moduleIds))];
    const modules = new Map<string, ModuleEntity>();
    for (const module of await this.loaders.forRequest().modules.loadMany(moduleIds)) {
      // Linked only when its page would show it (a module taken down is named in the message, not linked).
      if (module && !(module instanceof Error) && canSee(viewer, module)) modules.set(module.id, module);
    }
    const item = (notification: (typeof unread)[number]): NotificationItem => ({
      id: notification.id,
      kind: notification.kind,
      message: notification.message,
      createdAt: notification.createdAt,
      read: notification.readAt !== null,
      modules: notification.moduleIds.flatMap((id) => {
        const module = modules.get(id);
        return module ? [{ slug: module.slug, title: module.title }] : [];
      }),
    });
    return renderDocument(NotificationsView({ ctx, unread: unread.map(item), read: read.map(item) }));
  }

  @Post('notifikasi/dibaca')
  @SignedIn()
  async markRead(@Page() ctx: PageContext, @Res() res: Response, @Body() form: Record<string, unknown>): Promise<void> {
    const args = await readForm(MarkNotificationsReadArgs, { ids: asList(form.ids) });
    if (!args.ok) throw badInput('ids', Object.values(args.errors).join(' '));
    // Only the viewer's own notifications change; anyone else's ids are ignored by the service.
    await this.notifications.markRead(ctx.viewer!, args.value.ids);
    res.redirect(303, '/notifikasi?pesan=dibaca');
  }
}
