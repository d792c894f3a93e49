import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { LoadersModule } from '../graphql/loaders.module';
import { ModerationModule } from '../moderation/moderation.module';
import { CuratorReportsPages } from './curator-reports.pages';
import { ReportEntity } from './report.entity';
import { ReportsPages } from './reports.pages';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReportEntity]), ModerationModule, CatalogModule, LoadersModule],
  controllers: [ReportsPages, CuratorReportsPages],
  providers: [ReportsService, ReportsResolver],
})
export class ReportsModule {}
