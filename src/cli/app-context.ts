import { DynamicModule, INestApplicationContext, Injectable, Module, OnModuleInit, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '../config/config';
import { ConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { HealthModule } from '../health/health.module';
import { JobHandlers } from '../queue/job-handlers';
import { JobName } from '../queue/jobs';
import { QueueModule } from '../queue/queue.module';

/**
 * A command context runs no relay and no workers, so the jobs of the modules it
 * leaves out are never run here; they get a handler that says so (registered
 * last: the root module's hooks run after its imports'), which keeps the
 * start-up check that every job has a handler.
 */
@Injectable()
class JobsRunElsewhere implements OnModuleInit {
  constructor(private readonly handlers: JobHandlers) {}

  onModuleInit(): void {
    for (const job of Object.values(JobName)) {
      if (!this.handlers.has(job)) this.handlers.register(job, () => Promise.reject(new Error(`the CLI does not run ${job} jobs`)));
    }
  }
}

@Module({})
class CommandContextModule {
  static forFeatures(config: AppConfig, features: Type[]): DynamicModule {
    return { module: CommandContextModule, imports: [ConfigModule.forRoot(config), DatabaseModule, HealthModule, QueueModule.forRoot(config), ...features], providers: [JobsRunElsewhere] };
  }
}

/**
 * A Nest application context with only the feature modules a command needs:
 * no HTTP server, no outbox relay, no BullMQ workers, no demo seeding at start
 * and no ADMIN_EMAIL handling (the command does what it says, nothing else).
 */
export async function withAppContext<T>(config: AppConfig, features: Type[], work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const commandConfig: AppConfig = { ...config, workers: false, seedDemo: false, admin: undefined };
  const app = await NestFactory.createApplicationContext(CommandContextModule.forFeatures(commandConfig, features), { logger: ['error'], abortOnError: false });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
