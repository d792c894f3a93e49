import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { isUuid } from '../catalog/module-access';
import { FreeOptionsService } from '../free-options/free-options.service';
import { JobHandlers } from '../queue/job-handlers';
import { JobName, JobPayloads } from '../queue/jobs';
import { NotificationEntity } from './notification.entity';
import { NotificationKind } from './notification-kind';
import { notificationMessage } from './notification-messages';
import { NotifyPayload } from './notify-payload';

/** Free options listed in a CREDIT_EXHAUSTED notification. */
export const EXHAUSTED_OPTIONS = 5;

interface NewNotification {
  userId: string;
  kind: NotificationKind;
  message: string;
  moduleIds: string[];
  dedupeKey: string;
}

/**
 * Notifications are written by jobs queued through the outbox in the
 * transaction of the change they report. Jobs may run more than once
 * (BullMQ delivers at least once): the unique dedupe key makes the second
 * insert a no-op.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: JobHandlers,
    private readonly freeOptions: FreeOptionsService,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.NOTIFY, (payload) => this.notify(payload));
    this.handlers.register(JobName.NOTIFY_CREDIT_EXHAUSTED, (payload) => this.notifyCreditExhausted(payload));
  }

  /** Handler of NOTIFY: moderation decisions to owners, report outcomes to reporters. */
  async notify(payload: NotifyPayload): Promise<void> {
    const titles = await this.titles(payload.moduleIds, payload.userId);
    const message = notificationMessage({ kind: payload.kind, titles, note: payload.note, outcome: payload.outcome });
    await this.insert({ userId: payload.userId, kind: payload.kind, message, moduleIds: payload.moduleIds, dedupeKey: payload.dedupeKey });
  }

  /** Handler of NOTIFY_CREDIT_EXHAUSTED: once per exhausting ledger entry, with up to five free options like the courses bought. */
  async notifyCreditExhausted({ userId, ledgerEntryId }: JobPayloads[JobName.NOTIFY_CREDIT_EXHAUSTED]): Promise<void> {
    const dedupeKey = `credit-exhausted:${ledgerEntryId}`;
    // A retry after a success need not search again (the insert below would be a no-op anyway).
    if (await this.dataSource.getRepository(NotificationEntity).existsBy({ dedupeKey })) return;
    // Like what the credit paid for, up to the exhausting entry; Rp1 modules too, their fee now waived.
    const { creditExhausted } = await this.freeOptions.balance(userId);
    const options = await this.freeOptions.rank(userId, EXHAUSTED_OPTIONS, creditExhausted, { untilLedgerEntryId: ledgerEntryId });
    const message = notificationMessage({ kind: NotificationKind.CREDIT_EXHAUSTED, titles: options.map((module) => module.title) });
    await this.insert({ userId, kind: NotificationKind.CREDIT_EXHAUSTED, message, moduleIds: options.map((module) => module.id), dedupeKey });
  }

  /** The caller's notifications, newest first. */
  async mine(viewer: Viewer, unreadOnly: boolean, first: number): Promise<NotificationEntity[]> {
    const query = this.dataSource.getRepository(NotificationEntity).createQueryBuilder('n').where('n.user_id = :userId', { userId: viewer.id });
    if (unreadOnly) query.andWhere('n.read_at IS NULL');
    return query.orderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC').limit(first).getMany();
  }

  /** Marks the caller's own unread notifications among `ids` read; returns how many it marked. */
  async markRead(viewer: Viewer, ids: string[]): Promise<number> {
    const own = [...new Set(ids.filter(isUuid))];
    if (own.length === 0) return 0;
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`,
      [viewer.id, own],
    );
    return affected;
  }

  private async insert(notification: NewNotification): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notifications (user_id, kind, message, module_ids, dedupe_key) VALUES ($1, $2, $3, $4::uuid[], $5)
       ON CONFLICT ON CONSTRAINT notifications_dedupe_key DO NOTHING`,
      [notification.userId, notification.kind, notification.message, notification.moduleIds, notification.dedupeKey],
    );
  }

  /** Titles as `userId` may read them: the owner's own, the approved one for anyone else (a reporter told of a take-down). */
  private async titles(moduleIds: string[], userId: string): Promise<string[]> {
    if (moduleIds.length === 0) return [];
    const rows: { id: string; title: string }[] = await this.dataSource.query(
      `SELECT id, CASE WHEN contributor_id = $2 THEN title ELSE coalesce(approved_title, '') END AS title FROM modules WHERE id = ANY($1::uuid[])`,
      [moduleIds, userId],
    );
    const byId = new Map(rows.map((row) => [row.id, row.title]));
    return moduleIds.map((id) => byId.get(id) ?? '');
  }
}
