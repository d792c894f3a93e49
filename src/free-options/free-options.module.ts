import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { LoadersModule } from '../graphql/loaders.module';
import { WalletModule } from '../wallet/wallet.module';
import { FreeOptionsPages } from './free-options.pages';
import { FreeOptionsResolver } from './free-options.resolver';
import { FreeOptionsService } from './free-options.service';

/** Needs SEARCH_ENGINE and SEARCH_LANGUAGE, provided globally by SearchModule. */
@Module({
  imports: [WalletModule, CatalogModule, LoadersModule],
  controllers: [FreeOptionsPages],
  providers: [FreeOptionsService, FreeOptionsResolver],
  exports: [FreeOptionsService],
})
export class FreeOptionsModule {}
