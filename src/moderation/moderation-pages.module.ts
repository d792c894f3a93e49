import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { LoadersModule } from '../graphql/loaders.module';
import { ContributorRecords } from './contributor-record.service';
import { ModerationModule } from './moderation.module';
import { ModerationPageData } from './moderation-page-data';
import { ModerationPages } from './moderation.pages';

/**
 * The curators' moderation pages, imported by the API only. Not registered in
 * ModerationModule: the page reads the catalogue, and CatalogModule already
 * imports ModerationModule (a module cycle otherwise).
 */
@Module({
  imports: [ModerationModule, CatalogModule, LoadersModule],
  controllers: [ModerationPages],
  providers: [ModerationPageData, ContributorRecords],
})
export class ModerationPagesModule {}
