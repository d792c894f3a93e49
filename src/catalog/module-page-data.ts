import { Injectable } from '@nestjs/common';
import { UserEntity } from '../accounts/user.entity';
import { Viewer } from '../auth/viewer';
import { notFound } from '../common/domain-error';
import { LoaderRegistry, Loaders } from '../graphql/loaders';
import { LearningService } from '../learning/learning.service';
import { ReviewsService } from '../reviews/reviews.service';
import { ModuleSort, SearchModulesInput } from '../search/dto/search-modules.input';
import { SearchUnavailableError } from '../search/search-engine.port';
import { SearchService } from '../search/search.service';
import { CatalogService } from './catalog.service';
import { LessonEntity } from './lesson.entity';
import { servedHtml, servedMarkdown } from './markdown/served-markdown';
import { ModuleModel } from './models/module.model';
import { toModuleModel } from './module.mapper';
import { ModuleStatus } from './module-status';
import { isSlug } from './slug';
import { moduleCardOf, ModuleCardData } from './views/module-card';

/** How many related free modules and recent reviews the page shows. */
const RELATED = 5;
const REVIEWS = 5;

export interface ModulePageReview {
  authorName: string;
  rating: number;
  /** The served (sanitised) Markdown, shown as text. */
  comment: string | null;
  createdAt: Date;
}

/** Where the enrolled viewer carries on: their enrollment and the first lesson they have not finished. */
export interface ModulePageEnrollment {
  id: string;
  continueLessonId: string | null;
  completedLessonIds: string[];
}

/** Everything /modul/{slug} shows, gathered through the same services and loaders as the module(slug:) query. */
export interface ModulePageModel {
  module: ModuleModel;
  /** The catalogue's sanitised HTML of the description (Module.descriptionHtml). */
  descriptionHtml: string;
  contributor: Pick<UserEntity, 'displayName' | 'organizationName'>;
  categoryName: string;
  /** Titles, kinds and durations only: lesson content belongs to the lesson page. */
  lessons: Pick<LessonEntity, 'id' | 'title' | 'kind' | 'durationMinutes'>[];
  enrollment: ModulePageEnrollment | null;
  reviews: ModulePageReview[];
  related: ModuleCardData[];
}

@Injectable()
export class ModulePageData {
  constructor(
    private readonly catalog: CatalogService,
    private readonly learning: LearningService,
    private readonly reviews: ReviewsService,
    private readonly search: SearchService,
    private readonly loaderRegistry: LoaderRegistry,
  ) {}

  /** The module as `viewer` may see it (catalog.find's rule: PUBLISHED, or theirs, or a curator's view); NOT_FOUND otherwise. */
  async load(viewer: Viewer | null, slug: string): Promise<ModulePageModel> {
    if (!isSlug(slug)) throw notFound('Module');
    const entity = await this.catalog.find(viewer, null, slug);
    const module = toModuleModel(entity);
    const loaders = this.loaderRegistry.forRequest();
    const category = await this.catalog.category(module.categoryId);
    const [contributor, lessons, enrollment, reviews, related] = await Promise.all([
      loaders.users.load(module.contributorId),
      loaders.lessonsByModule.load(module.id),
      this.learning.viewerEnrollment(viewer, module.id, loaders),
      module.status === ModuleStatus.PUBLISHED ? this.recentReviews(module.id, loaders) : [],
      this.relatedFree(module, category.slug, loaders),
    ]);
    const [completedLessonIds, nextLessonId] = enrollment
      ? await Promise.all([this.learning.completedLessons(enrollment.id, loaders), this.learning.nextLessonId(enrollment, loaders)])
      : [[], null];
    return {
      module,
      descriptionHtml: servedHtml(module.description),
      contributor: { displayName: contributor?.displayName ?? '', organizationName: contributor?.organizationName ?? null },
      categoryName: category.name,
      lessons: lessons.map(({ id, title, kind, durationMinutes }) => ({ id, title, kind, durationMinutes })),
      enrollment: enrollment && {
        id: enrollment.id,
        // Every lesson done: back to the first.
        continueLessonId: nextLessonId ?? lessons[0]?.id ?? null,
        completedLessonIds,
      },
      reviews,
      related,
    };
  }

  private async recentReviews(moduleId: string, loaders: Loaders): Promise<ModulePageReview[]> {
    const reviews = await this.reviews.ofModule(moduleId, REVIEWS);
    const authors = await Promise.all(reviews.map((review) => loaders.users.load(review.authorId)));
    return reviews.map((review, index) => ({
      authorName: authors[index]?.displayName ?? '',
      rating: review.rating,
      comment: servedMarkdown(review.comment),
      createdAt: review.createdAt,
    }));
  }

  /**
   * Free modules that fit this one, through searchModules: those sharing its
   * title's words first, then the most popular of its category. Without the
   * search engine the page shows none rather than failing.
   */
  private async relatedFree(module: ModuleModel, categorySlug: string, loaders: Loaders): Promise<ModuleCardData[]> {
    const found = new Map<string, ModuleModel>();
    const add = (modules: ModuleModel[]) => modules.filter((hit) => hit.id !== module.id && found.size < RELATED).forEach((hit) => found.set(hit.id, hit));
    const searches: SearchModulesInput[] = [
      { query: module.title, priceIdr: [0], pageSize: RELATED + 1 },
      { query: '', categorySlugs: [categorySlug], priceIdr: [0], sort: ModuleSort.POPULARITY, pageSize: 2 * RELATED + 1 },
    ];
    try {
      for (const input of searches) {
        if (found.size >= RELATED) break;
        add((await this.search.search(input, loaders, true)).hits.map((hit) => hit.module));
      }
    } catch (error) {
      if (!(error instanceof SearchUnavailableError)) throw error;
    }
    return Promise.all([...found.values()].map((hit) => this.cardOf(hit, loaders)));
  }

  private async cardOf(module: ModuleModel, loaders: Loaders): Promise<ModuleCardData> {
    const [contributor, category] = await Promise.all([
      module.contributorFromIndex ?? loaders.users.load(module.contributorId),
      this.catalog.category(module.categoryId),
    ]);
    return moduleCardOf(module, { contributorName: contributor?.displayName ?? '', categoryName: category.name });
  }
}
