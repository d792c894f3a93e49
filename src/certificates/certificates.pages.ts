import { Get, Param, Req } from '@nestjs/common';
import { clientAddress } from '../throttling/client-address';
import { Page, PageContext } from '../web/page-context';
import { renderDocument } from '../web/render';
import { WebController } from '../web/web-page';
import { WebRequest } from '../web/web-request';
import { CertificatesService } from './certificates.service';
import { CertificateView } from './views/certificate.view';

/** /sertifikat/{code}: the public, read-only certificate check (verifyCertificate, with its per-address throttle). */
@WebController('sertifikat')
export class CertificatesPages {
  constructor(private readonly certificates: CertificatesService) {}

  @Get(':code')
  async check(@Page() ctx: PageContext, @Req() req: WebRequest, @Param('code') code: string): Promise<string> {
    return renderDocument(CertificateView({ ctx, code, result: await this.certificates.verify(code, clientAddress(req)) }));
  }
}
