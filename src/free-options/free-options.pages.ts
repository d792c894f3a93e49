import { Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Role } from '../auth/role';
import { CategoryDirectory } from '../catalog/category-directory';
import { LoaderRegistry } from '../graphql/loaders';
import { asText, readForm } from '../web/form';
import { Page, PageContext } from '../web/page-context';
import { renderDocument } from '../web/render';
import { SignedIn, WebController } from '../web/web-page';
import { FreeOptionsArgs } from './dto/free-options.args';
import { FreeOptionsService } from './free-options.service';
import { moduleCardsOf } from './views/option-cards';
import { FreeOptionsView } from './views/free-options.view';

/** As many as freeOptionsForMe gives by default. */
const OPTIONS_SHOWN = 10;

/** /gratis: freeOptionsForMe as a page; ?mirip= is its like text, checked by the same FreeOptionsArgs. */
@WebController()
export class FreeOptionsPages {
  constructor(
    private readonly freeOptions: FreeOptionsService,
    private readonly categories: CategoryDirectory,
    private readonly loaders: LoaderRegistry,
  ) {}

  @Get('gratis')
  @SignedIn(Role.BENEFICIARY)
  async freeOptionsPage(@Page() ctx: PageContext, @Res({ passthrough: true }) res: Response, @Query('mirip') mirip?: unknown): Promise<string> {
    const like = asText(mirip);
    const args = await readForm(FreeOptionsArgs, { like });
    if (!args.ok) {
      res.status(422);
      const errors = { mirip: args.errors.like ?? args.errors._form ?? 'Isian ini tidak sah.' };
      return renderDocument(FreeOptionsView({ ctx, mirip: like, errors }));
    }
    const viewer = ctx.viewer!;
    const options = await this.freeOptions.forBeneficiary(viewer.id, OPTIONS_SHOWN, args.value.like || null);
    const cards = await moduleCardsOf(options.modules, this.loaders.forRequest(), this.categories);
    return renderDocument(FreeOptionsView({ ctx, mirip: args.value.like ?? '', options: { creditExhausted: options.creditExhausted, cards } }));
  }
}
