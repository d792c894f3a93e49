import type { CategoryDirectory } from '../../catalog/category-directory';
import type { ModuleEntity } from '../../catalog/module.entity';
import { moduleCardOf, type ModuleCardData } from '../../catalog/views/module-card';
import type { Loaders } from '../../graphql/loaders';

/** Free options as module cards: contributor names in one batched query, category names from the directory (cached). */
export async function moduleCardsOf(modules: ModuleEntity[], loaders: Loaders, categories: CategoryDirectory): Promise<ModuleCardData[]> {
  const contributors = await loaders.users.loadMany(modules.map((module) => module.contributorId));
  return Promise.all(
    modules.map(async (module, index) => {
      const contributor = contributors[index];
      const contributorName = contributor && !(contributor instanceof Error) ? contributor.displayName : '';
      return moduleCardOf(module, { contributorName, categoryName: (await categories.byId(module.categoryId))?.name });
    }),
  );
}
