import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoadersModule } from '../graphql/loaders.module';
import { ModerationModule } from '../moderation/moderation.module';
import { CatalogLoaders } from './catalog-loaders';
import { CatalogResolver } from './catalog.resolver';
import { CatalogService } from './catalog.service';
import { CategoryDirectory } from './category-directory';
import { CategoryFieldsResolver } from './category-fields.resolver';
import { CategoryEntity } from './category.entity';
import { LessonEntity } from './lesson.entity';
import { LessonFieldsResolver } from './lesson-fields.resolver';
import { ModuleFieldsResolver } from './module-fields.resolver';
import { ModulePendingRevisionResolver, ModuleRevisionFieldsResolver } from './module-revision-fields.resolver';
import { ImportJobEntity } from './import/import-job.entity';
import { ModuleImportResolver } from './import/module-import.resolver';
import { ModuleImportService } from './import/module-import.service';
import { ModuleEntity } from './module.entity';
import { ModuleRevisionEntity } from './module-revision.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ModuleEntity, ModuleRevisionEntity, LessonEntity, CategoryEntity, ImportJobEntity]), LoadersModule, ModerationModule],
  providers: [CatalogLoaders, CatalogService, CategoryDirectory, CatalogResolver, CategoryFieldsResolver, ModuleFieldsResolver, LessonFieldsResolver, ModulePendingRevisionResolver, ModuleRevisionFieldsResolver, ModuleImportService, ModuleImportResolver],
  exports: [CatalogService, CategoryDirectory, ModuleImportService],
})
export class CatalogModule {}
