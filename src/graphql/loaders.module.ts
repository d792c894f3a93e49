import { Module } from '@nestjs/common';
import { LoaderRegistry } from './loaders';

/** Imported by the GraphQL layer and by each feature that registers named loaders. */
@Module({
  providers: [LoaderRegistry],
  exports: [LoaderRegistry],
})
export class LoadersModule {}
