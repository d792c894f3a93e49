import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CatalogModule } from '../catalog/catalog.module';
import { LoadersModule } from '../graphql/loaders.module';
import { WalletModule } from '../wallet/wallet.module';
import { AccountsPages } from './accounts.pages';
import { AccountsResolver } from './accounts.resolver';
import { AccountsService } from './accounts.service';
import { PasswordHasher } from './password-hasher';
import { SessionsResolver } from './sessions.resolver';
import { SessionsService } from './sessions.service';
import { SuspensionsService } from './suspensions.service';
import { UserEntity } from './user.entity';
import { UserLoaders } from './user-loaders';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), AuthModule, LoadersModule, WalletModule, CatalogModule],
  controllers: [AccountsPages],
  providers: [UserLoaders, AccountsService, AccountsResolver, PasswordHasher, SessionsService, SuspensionsService, SessionsResolver],
  exports: [AccountsService, PasswordHasher],
})
export class AccountsModule {}
