import { Global, Module } from '@nestjs/common';
import { SiteAssets } from './assets';
import { AssetsController } from './assets.controller';

/** What every page shares: assets (the session, CSRF and error pages come with webMiddleware and WebController). */
@Global()
@Module({
  controllers: [AssetsController],
  providers: [{ provide: SiteAssets, useFactory: () => new SiteAssets() }],
  exports: [SiteAssets],
})
export class WebModule {}
