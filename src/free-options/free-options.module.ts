import { Module } from '@nestjs/common';
import { WalletModule } from '../wallet/wallet.module';
import { FreeOptionsResolver } from './free-options.resolver';
import { FreeOptionsService } from './free-options.service';

/** Needs SEARCH_ENGINE and SEARCH_LANGUAGE, provided globally by SearchModule. */
@Module({
  imports: [WalletModule],
  providers: [FreeOptionsService, FreeOptionsResolver],
  exports: [FreeOptionsService],
})
export class FreeOptionsModule {}
