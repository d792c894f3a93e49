import { Module } from '@nestjs/common';
import { LoadersModule } from '../graphql/loaders.module';
import { LearningModule } from '../learning/learning.module';
import { ModerationModule } from '../moderation/moderation.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { CatalogPages } from './catalog.pages';
import { ImportPages } from './import/import.pages';
import { CatalogModule } from './catalog.module';
import { ModuleEditorData } from './module-editor-data';
import { ModuleEditorPages } from './module-editor.pages';
import { ModulePageData } from './module-page-data';
import { MyModulesPages } from './my-modules.pages';

/**
 * The catalogue's pages. A module of their own, imported by the API only:
 * the page reads learning and reviews, which the worker (it imports
 * CatalogModule) does not need, and learning's pages may read the catalogue
 * without an import cycle.
 */
@Module({
  imports: [CatalogModule, LearningModule, ReviewsModule, LoadersModule, ModerationModule],
  controllers: [CatalogPages, MyModulesPages, ModuleEditorPages, ImportPages],
  providers: [ModulePageData, ModuleEditorData],
})
export class CatalogPagesModule {}
