import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { storedMarkdown } from '../catalog/markdown/stored-markdown';
import { canSee } from '../catalog/module-access';
import { ModuleEntity } from '../catalog/module.entity';
import { ModuleStatus } from '../catalog/module-status';
import { badInput, conflict, notFound } from '../common/domain-error';
import { uniqueViolation } from '../common/postgres-errors';
import { checkPageSize, Connection, Cursor, decodeCursor, toPage } from '../graphql/pagination';
import { ModerationService } from '../moderation/moderation.service';
import { NotificationKind } from '../notifications/notification-kind';
import { JobName } from '../queue/jobs';
import { Outbox } from '../queue/outbox';
import { ReportModuleInput, ResolveReportInput } from './dto/report.input';
import { ReportEntity, ReportStatus } from './report.entity';

/** Reports of bad content by users, and their resolution by curators. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moderation: ModerationService,
    private readonly outbox: Outbox,
  ) {}

  /** One OPEN report per user and module: the partial unique index decides, a second is CONFLICT. */
  async report(viewer: Viewer, input: ReportModuleInput): Promise<ReportEntity> {
    const module = await this.dataSource.getRepository(ModuleEntity).findOneBy({ id: input.moduleId });
    if (!module || !canSee(viewer, module)) throw notFound('Module');
    const repository = this.dataSource.getRepository(ReportEntity);
    try {
      const details = input.details ? storedMarkdown(input.details) : null;
      return await repository.save(repository.create({ moduleId: module.id, reporterId: viewer.id, reason: input.reason, details }));
    } catch (error) {
      if (uniqueViolation(error) === 'reports_one_open') throw conflict('You already have an open report about this module');
      throw error;
    }
  }

  /** The curators' list of reports in one status, oldest first. */
  async list(status: ReportStatus | null | undefined, first: number | null | undefined, after?: string | null): Promise<Connection<ReportEntity>> {
    const size = checkPageSize(first);
    const cursor = decodeCursor(after);
    const query = this.dataSource.getRepository(ReportEntity).createQueryBuilder('r').where('r.status = :status', { status: status ?? ReportStatus.OPEN });
    const totalCount = await query.getCount();
    const created = `date_trunc('milliseconds', r.created_at)`;
    if (cursor) query.andWhere(`(${created}, r.id) > (:key::timestamptz, :id)`, { key: cursor.key, id: cursor.id });
    const rows = await query.orderBy(created, 'ASC').addOrderBy('r.id', 'ASC').limit(size + 1).getMany();
    return { ...toPage(rows, size, cursorOfReport), totalCount };
  }

  /**
   * Closes an OPEN report. With unpublish, the module is taken down through
   * the moderation status machine (history entry, owner notified, search
   * sync) in the same transaction. The reporter is told the outcome.
   */
  async resolve(viewer: Viewer, input: ResolveReportInput): Promise<ReportEntity> {
    if (input.unpublish && input.status !== ReportStatus.RESOLVED) throw badInput('unpublish', 'needs status RESOLVED (a dismissed report takes nothing down)');
    return this.dataSource.transaction(async (manager) => {
      const report = await manager.findOne(ReportEntity, { where: { id: input.reportId }, lock: { mode: 'pessimistic_write' } });
      if (!report) throw notFound('Report');
      if (report.status !== ReportStatus.OPEN) throw conflict(`This report is already ${report.status}`);
      if (input.unpublish) {
        const [module]: { status: ModuleStatus }[] = await manager.query(`SELECT status FROM modules WHERE id = $1`, [report.moduleId]);
        // Already taken down (e.g. through another report): the goal is reached, nothing to record twice.
        if (module.status !== ModuleStatus.UNPUBLISHED) await this.moderation.unpublish(viewer, report.moduleId, input.note, manager);
      }
      await manager.update(ReportEntity, { id: report.id }, { status: input.status, resolutionNote: input.note, resolvedBy: viewer.id, resolvedAt: new Date() });
      await this.outbox.enqueue(manager, JobName.NOTIFY, {
        kind: NotificationKind.REPORT_RESOLVED,
        userId: report.reporterId,
        moduleIds: [report.moduleId],
        dedupeKey: `report-resolved:${report.id}`,
        note: input.note,
        outcome: input.status,
      });
      return manager.findOneByOrFail(ReportEntity, { id: report.id });
    });
  }
}

const cursorOfReport = (report: ReportEntity): Cursor => ({ key: report.createdAt.toISOString(), id: report.id });
