import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { AppConfig } from './config/config';
import { GraphQLExceptionFilter } from './graphql/graphql-exception.filter';
import { inputValidationPipe } from './graphql/validation';
import { applyHttpBoundaries } from './http/http-boundaries';
import { startBackgroundWork } from './queue/background-work';
import { applyWebPages } from './web/web-pages';

/** Builds the HTTP application; used by main.ts and by the integration tests (which may read its log lines from `logDestination`). */
export async function createApp(config: AppConfig, logDestination?: DestinationStream): Promise<NestExpressApplication> {
  // Start-up lines wait for pino (LOG_LEVEL, JSON), which replaces Nest's logger, so `new Logger(...)` everywhere writes through it.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logDestination), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  applyHttpBoundaries(app, config);
  app.useGlobalPipes(inputValidationPipe);
  app.useGlobalFilters(new GraphQLExceptionFilter(app.getHttpAdapter()));
  applyWebPages(app, config);
  await app.init();
  // Background work starts once everything it touches is ready (the search index is built at bootstrap).
  await startBackgroundWork(app);
  return app;
}
