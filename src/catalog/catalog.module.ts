import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ModerationModule } from '../moderation/moderation.module';
import { CatalogResolver } from './catalog.resolver';
import { CatalogService } from './catalog.service';
import { CategoryEntity } from './category.entity';
import { LessonEntity } from './lesson.entity';
import { CategoryFieldsResolver, ModuleFieldsResolver } from './module-fields.resolver';
import { ModuleEntity } from './module.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ModuleEntity, LessonEntity, CategoryEntity]), ModerationModule],
  providers: [CatalogService, CatalogResolver, ModuleFieldsResolver, CategoryFieldsResolver],
  exports: [CatalogService],
})
export class CatalogModule {}
