import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { exitGracefullyOnSignals } from './common/graceful-shutdown';
import { ConfigError } from './config/app-config';
import { loadConfig } from './config/config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.port, '0.0.0.0');
  exitGracefullyOnSignals(app, config.shutdownGraceSeconds);
  new Logger('Main').log(`API ready at http://localhost:${config.port}/graphql (health: /health)`);
}

main().catch((error: unknown) => {
  new Logger('Main').fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
