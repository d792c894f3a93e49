import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { ModerationModule } from '../moderation/moderation.module';
import { ReportEntity } from './report.entity';
import { ReportsPages } from './reports.pages';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReportEntity]), ModerationModule, CatalogModule],
  controllers: [ReportsPages],
  providers: [ReportsService, ReportsResolver],
})
export class ReportsModule {}
