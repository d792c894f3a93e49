import type { CategoryDirectory } from '../../catalog/category-directory';
import type { ModuleEntity } from '../../catalog/module.entity';
import type { ModuleCardData } from '../../catalog/views/module-card';
import type { Loaders } from '../../graphql/loaders';

/** Free options as module cards: contributor names in one batched query, category names from the directory (cached). */
export async function moduleCardsOf(modules: ModuleEntity[], loaders: Loaders, categories: CategoryDirectory): Promise<ModuleCardData[]> {
  const contributors = await loaders.users.loadMany(modules.map((module) => module.contributorId));
  return Promise.all(
    modules.map(async (module, index) => {
      const contributor = contributors[index];
      return {
        slug: module.slug,
        title: module.title,
        summary: module.summary,
        contributorName: contributor && !(contributor instanceof Error) ? contributor.displayName : '',
        categoryName: (await categories.byId(module.categoryId))?.name,
        level: module.level,
        durationMinutes: module.durationMinutes,
        priceIdr: module.priceIdr,
        ratingAverage: module.ratingCount > 0 ? module.ratingSum / module.ratingCount : null,
        ratingCount: module.ratingCount,
        certificate: module.certificate,
      };
    }),
  );
}
