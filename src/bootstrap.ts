import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { AppConfig } from './config/config';
import { GraphQLExceptionFilter } from './graphql/graphql-exception.filter';
import { inputValidationPipe } from './graphql/validation';
import { applyHttpBoundaries } from './http/http-boundaries';
import { startBackgroundWork } from './queue/background-work';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the HTTP application; used by main.ts and by the integration tests. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
    bufferLogs: false,
    bodyParser: false,
  });
  applyHttpBoundaries(app, config);
  app.useGlobalPipes(inputValidationPipe);
  app.useGlobalFilters(new GraphQLExceptionFilter(app.getHttpAdapter()));
  await app.init();
  // Background work starts once everything it touches is ready (the search index is built at bootstrap).
  await startBackgroundWork(app);
  return app;
}
