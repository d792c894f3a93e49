import { Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CategoryDirectory, CategoryReference } from '../catalog/category-directory';
import { moduleCardOf, type ModuleCardData } from '../catalog/views/module-card';
import { LoaderRegistry, Loaders } from '../graphql/loaders';
import { Page, PageContext } from '../web/page-context';
import { renderDocument } from '../web/render';
import { WebController } from '../web/web-page';
import { SearchUnavailableError } from './search-engine.port';
import { SearchPage, SearchService } from './search.service';
import { readSearchQuery } from './views/search-params';
import { SearchResults, SearchView } from './views/search.view';

/** / : Beranda / Cari, the same search as the searchModules query (same input rules, same service, per-request loaders). */
@WebController()
export class SearchPages {
  constructor(
    private readonly search: SearchService,
    private readonly loaderRegistry: LoaderRegistry,
    private readonly categoryDirectory: CategoryDirectory,
  ) {}

  @Get()
  async searchPage(@Page() ctx: PageContext, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const { input, refused } = await readSearchQuery(query);
    const categories = await this.categoryDirectory.all();
    let results: SearchResults | null = null;
    try {
      const loaders = this.loaderRegistry.forRequest();
      // The cards show only fields the index documents hold, as a GraphQL query selecting just those would.
      const page = await this.search.search(input, loaders, true);
      results = { ...page, cards: await this.cards(page, loaders, categories) };
    } catch (error) {
      if (!(error instanceof SearchUnavailableError)) throw error;
    }
    const status = !results ? 503 : Object.keys(refused).length > 0 ? 400 : 200;
    res.status(status).send(renderDocument(SearchView({ ctx, input, refused, categories, results })));
  }

  private async cards(page: SearchPage, loaders: Loaders, categories: CategoryReference[]): Promise<ModuleCardData[]> {
    const categoryNames = new Map(categories.map((category) => [category.id, category.name]));
    return Promise.all(
      page.hits.map(async ({ module, highlight }) => {
        const contributorName = module.contributorFromIndex?.displayName ?? (await loaders.users.load(module.contributorId))?.displayName ?? '';
        // Both engines build highlights with src/search/text/highlight.ts: the text escaped, only <mark> added.
        return moduleCardOf(module, { contributorName, categoryName: categoryNames.get(module.categoryId) }, { titleHtml: highlight.title, summaryHtml: highlight.summary });
      }),
    );
  }
}
