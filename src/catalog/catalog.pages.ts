import { Get, Param } from '@nestjs/common';
import { Page, PageContext } from '../web/page-context';
import { renderDocument } from '../web/render';
import { WebController } from '../web/web-page';
import { ModulePageData } from './module-page-data';
import { ModuleView } from './views/module.view';

/** /modul/{slug}: the module(slug:) query's module, as the viewer may see it (a module they may not see is the 404 page). */
@WebController()
export class CatalogPages {
  constructor(private readonly modulePage: ModulePageData) {}

  @Get('modul/:slug')
  async module(@Page() ctx: PageContext, @Param('slug') slug: string): Promise<string> {
    return renderDocument(ModuleView({ ctx, page: await this.modulePage.load(ctx.viewer, slug) }));
  }
}
