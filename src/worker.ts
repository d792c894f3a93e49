import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { exitGracefullyOnSignals } from './common/graceful-shutdown';
import { ConfigError } from './config/app-config';
import { AppConfig, loadConfig } from './config/config';
import { startBackgroundWork } from './queue/background-work';
import { WorkerModule } from './worker.module';

/** Job workers on their own, so the API and the workers scale apart (needs Redis and Meilisearch). */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
    if (!config.redisUrl) throw new ConfigError('Invalid configuration: REDIS_URL is required by npm run worker (without Redis the API process runs the jobs itself)');
    if (!config.meili) throw new ConfigError('Invalid configuration: MEILI_URL is required by npm run worker (the in-process search index lives in the API process)');
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ ...config, workers: true }), { bufferLogs: true });
  app.useLogger(app.get(PinoNestLogger));
  exitGracefullyOnSignals(app, config.shutdownGraceSeconds);
  await startBackgroundWork(app);
  new Logger('Worker').log('Workers running');
}

main().catch((error: unknown) => {
  new Logger('Worker').fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
