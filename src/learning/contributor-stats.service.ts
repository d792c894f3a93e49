import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Viewer } from '../auth/viewer';

export interface ContributorStats {
  publishedModules: number;
  inReviewModules: number;
  totalEnrollments: number;
  totalCompletions: number;
  ratingAverage: number | null;
}

/** How a contributor's modules do, from the modules' own exact counters. */
@Injectable()
export class ContributorStatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stats(viewer: Viewer): Promise<ContributorStats> {
    const [row]: { published: number; in_review: number; enrollments: number; completions: number; rating_sum: number; rating_count: number }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'PUBLISHED')::int AS published,
              count(*) FILTER (WHERE status = 'IN_REVIEW')::int AS in_review,
              coalesce(sum(enrollment_count), 0)::int AS enrollments,
              coalesce(sum(completion_count), 0)::int AS completions,
              coalesce(sum(rating_sum), 0)::int AS rating_sum,
              coalesce(sum(rating_count), 0)::int AS rating_count
         FROM modules WHERE contributor_id = $1`,
      [viewer.id],
    );
    return {
      publishedModules: row.published,
      inReviewModules: row.in_review,
      totalEnrollments: row.enrollments,
      totalCompletions: row.completions,
      // Weighted by each module's number of ratings: the mean of all ratings, rounded like Module.ratingAverage.
      ratingAverage: row.rating_count > 0 ? Math.round((row.rating_sum / row.rating_count) * 100) / 100 : null,
    };
  }
}
