import { Module } from '@nestjs/common';
import { CreateAdminCommand } from './commands/create-admin.command';
import { ImportCommand } from './commands/import.command';
import { MigrateCommand } from './commands/migrate.command';
import { OutboxRetryCommand, OutboxStatusCommand } from './commands/outbox.commands';
import { ReconcileCommand, ReindexCommand } from './commands/search-index.commands';
import { SeedDemoCommand } from './commands/seed-demo.command';

export const COMMANDS = [MigrateCommand, SeedDemoCommand, CreateAdminCommand, ImportCommand, ReindexCommand, ReconcileCommand, OutboxStatusCommand, OutboxRetryCommand];

/** The commands only: each builds the database connection or application context it needs when it runs. */
@Module({ providers: COMMANDS })
export class CliModule {}
