import { Command } from 'nest-commander';
import { OperatorCommand } from '../operator-command';
import { loadConfig } from '../../config/config';
import { withDatabase } from '../database-session';

@Command({ name: 'migrate', description: 'apply pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR' })
export class MigrateCommand extends OperatorCommand {
  async run(): Promise<void> {
    await withDatabase(loadConfig(), async (dataSource) => {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'No pending migrations');
    });
  }
}
