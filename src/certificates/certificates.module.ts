import { Module } from '@nestjs/common';
import { ThrottlingModule } from '../throttling/throttling.module';
import { CertificatesPages } from './certificates.pages';
import { CertificatesResolver } from './certificates.resolver';
import { CertificatesService } from './certificates.service';
import { ModuleHasQuizResolver } from './module-has-quiz.resolver';

@Module({
  imports: [ThrottlingModule],
  providers: [CertificatesService, CertificatesResolver, ModuleHasQuizResolver],
  controllers: [CertificatesPages],
})
export class CertificatesModule {}
