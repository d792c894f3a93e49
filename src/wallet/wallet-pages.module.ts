import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { FreeOptionsModule } from '../free-options/free-options.module';
import { LoadersModule } from '../graphql/loaders.module';
import { WalletModule } from './wallet.module';
import { WalletPages } from './wallet.pages';

/** The wallet's page apart from WalletModule: it shows free options, and FreeOptionsModule already imports WalletModule. */
@Module({
  imports: [WalletModule, FreeOptionsModule, CatalogModule, LoadersModule],
  controllers: [WalletPages],
})
export class WalletPagesModule {}
