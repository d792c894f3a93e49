import { Module } from '@nestjs/common';
import { ThrottlingModule } from '../throttling/throttling.module';
import { CertificatesResolver } from './certificates.resolver';
import { CertificatesService } from './certificates.service';

@Module({
  imports: [ThrottlingModule],
  providers: [CertificatesService, CertificatesResolver],
})
export class CertificatesModule {}
