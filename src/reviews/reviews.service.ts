import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { storedMarkdown } from '../catalog/markdown/stored-markdown';
import { isUuid } from '../catalog/module-access';
import { ModuleStatus } from '../catalog/module-status';
import { badInput, forbidden, notFound } from '../common/domain-error';
import { checkPageSize } from '../graphql/pagination';
import { JobName } from '../queue/jobs';
import { Outbox } from '../queue/outbox';
import { RateModuleInput } from './dto/rate-module.input';
import { ReviewEntity } from './review.entity';

/** Ratings of modules by the beneficiaries enrolled in them. */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Writes the caller's review of a module, replacing an earlier one. The
   * enrollment row is locked first, so two ratings by the same beneficiary
   * queue up and the module's rating_sum/rating_count move exactly.
   */
  async rate(viewer: Viewer, input: RateModuleInput): Promise<ReviewEntity> {
    const comment = input.comment ? storedMarkdown(input.comment) : null;
    return this.dataSource.transaction(async (manager) => {
      const [module]: { status: ModuleStatus }[] = await manager.query(`SELECT status FROM modules WHERE id = $1`, [input.moduleId]);
      if (!module || module.status !== ModuleStatus.PUBLISHED) throw notFound('Module');
      const [enrollment]: { id: string }[] = await manager.query(`SELECT id FROM enrollments WHERE beneficiary_id = $1 AND module_id = $2 FOR UPDATE`, [viewer.id, input.moduleId]);
      if (!enrollment) throw forbidden('Only beneficiaries enrolled in this module may rate it');

      const [previous]: { id: string; rating: number }[] = await manager.query(`SELECT id, rating FROM reviews WHERE author_id = $1 AND module_id = $2`, [viewer.id, input.moduleId]);
      let review: ReviewEntity;
      if (previous) {
        await manager.query(`UPDATE reviews SET rating = $2, comment = $3, created_at = now() WHERE id = $1`, [previous.id, input.rating, comment]);
        review = await manager.findOneByOrFail(ReviewEntity, { id: previous.id });
      } else {
        const [inserted]: { id: string }[] = await manager.query(`INSERT INTO reviews (module_id, author_id, rating, comment) VALUES ($1, $2, $3, $4) RETURNING id`, [input.moduleId, viewer.id, input.rating, comment]);
        review = await manager.findOneByOrFail(ReviewEntity, { id: inserted.id });
      }
      const sumDelta = input.rating - (previous?.rating ?? 0);
      const countDelta = previous ? 0 : 1;
      if (sumDelta !== 0 || countDelta !== 0) {
        await this.outbox.enqueue(manager, JobName.SYNC_MODULE, { moduleId: input.moduleId });
        await manager.query(`UPDATE modules SET rating_sum = rating_sum + $2, rating_count = rating_count + $3 WHERE id = $1`, [input.moduleId, sumDelta, countDelta]);
      }
      return review;
    });
  }

  /** The review `authorId` wrote of a module, if any (the learning page shows the viewer's own rating). */
  reviewBy(authorId: string, moduleId: string): Promise<ReviewEntity | null> {
    return this.dataSource.getRepository(ReviewEntity).findOneBy({ authorId, moduleId });
  }

  /**
   * Reviews of a PUBLISHED module, newest first. The list has no page info,
   * so `after` is the id of the last review the client has.
   */
  async ofModule(moduleId: string, first: number | null | undefined, after?: string | null): Promise<ReviewEntity[]> {
    const size = checkPageSize(first);
    const [module]: { status: ModuleStatus }[] = isUuid(moduleId) ? await this.dataSource.query(`SELECT status FROM modules WHERE id = $1`, [moduleId]) : [];
    if (!module || module.status !== ModuleStatus.PUBLISHED) throw notFound('Module');
    const query = this.dataSource.getRepository(ReviewEntity).createQueryBuilder('r').where('r.module_id = :moduleId', { moduleId });
    if (after) {
      const [anchor]: { id: string }[] = isUuid(after) ? await this.dataSource.query(`SELECT id FROM reviews WHERE id = $1 AND module_id = $2`, [after, moduleId]) : [];
      if (!anchor) throw badInput('after', 'must be the id of a review of this module');
      query.andWhere('(r.created_at, r.id) < (SELECT a.created_at, a.id FROM reviews a WHERE a.id = :after)', { after });
    }
    return query.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').limit(size).getMany();
  }
}
