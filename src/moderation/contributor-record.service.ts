import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not } from 'typeorm';
import { isCurator, Viewer } from '../auth/viewer';
import { forbidden } from '../common/domain-error';
import { ModuleEntity } from '../catalog/module.entity';
import { ModuleStatus } from '../catalog/module-status';

/** What curators see of a submission's contributor: their other modules and the decisions on all of theirs. */
export interface ContributorRecord {
  /** Their other modules, counted by status. */
  moduleCounts: { status: ModuleStatus; count: number }[];
  /** The newest of their other modules. */
  recentModules: Pick<ModuleEntity, 'id' | 'title' | 'status'>[];
  /** Curators' decisions on their modules and revisions so far. */
  decisions: { approved: number; changesRequested: number; rejected: number };
}

const RECENT_MODULES = 10;

/** A contributor's track record, for the curators' review of one of their submissions. */
@Injectable()
export class ContributorRecords {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Curators only; `exceptModuleId` is the module under review, left out of "other modules". */
  async of(viewer: Viewer, contributorId: string, exceptModuleId: string): Promise<ContributorRecord> {
    if (!isCurator(viewer)) throw forbidden();
    const moduleCounts: ContributorRecord['moduleCounts'] = await this.dataSource.query(
      'SELECT status, count(*)::int AS count FROM modules WHERE contributor_id = $1 AND id <> $2 GROUP BY status ORDER BY status',
      [contributorId, exceptModuleId],
    );
    const recentModules = await this.dataSource.getRepository(ModuleEntity).find({
      select: { id: true, title: true, status: true },
      where: { contributorId, id: Not(exceptModuleId) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: RECENT_MODULES,
    });
    const [decisions]: ContributorRecord['decisions'][] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE e.action = 'APPROVE')::int AS approved,
              count(*) FILTER (WHERE e.action = 'REQUEST_CHANGES')::int AS "changesRequested",
              count(*) FILTER (WHERE e.action = 'REJECT')::int AS rejected
         FROM moderation_events e JOIN modules m ON m.id = e.module_id
        WHERE m.contributor_id = $1`,
      [contributorId],
    );
    return { moduleCounts, recentModules, decisions };
  }
}
