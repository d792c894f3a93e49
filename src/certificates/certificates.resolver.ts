import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../graphql/request-context';
import { clientAddress } from '../throttling/client-address';
import { CertificatesService } from './certificates.service';
import { CertificateVerificationModel } from './models/certificate-verification.model';

@Resolver()
export class CertificatesResolver {
  constructor(private readonly certificates: CertificatesService) {}

  @Query(() => CertificateVerificationModel, {
    description: 'Public: checks a certificate code (case-insensitive, as printed). An unknown code is valid: false, never an error.',
  })
  verifyCertificate(@Args('code') code: string, @Context() ctx: RequestContext): Promise<CertificateVerificationModel> {
    return this.certificates.verify(code, clientAddress(ctx.req));
  }
}
