import { Command } from 'nest-commander';
import { OperatorCommand } from '../operator-command';
import { loadConfig } from '../../config/config';
import { ModuleEntity } from '../../catalog/module.entity';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { loadDemoCatalogue } from '../../seed/demo-catalogue';
import { DemoSeeder } from '../../seed/demo-seeder';
import { SeedModule } from '../../seed/seed.module';
import { withAppContext } from '../app-context';

@Command({ name: 'seed-demo', description: 'load the demo catalogue into a database without modules (what the API does at its first start outside production)' })
export class SeedDemoCommand extends OperatorCommand {
  async run(): Promise<void> {
    const config = loadConfig();
    if (config.isProduction) throw new Error('seed-demo refuses NODE_ENV=production: demo modules are not real offers');
    await withAppContext(config, [SeedModule], async (app) => {
      if (await app.get<DataSource>(getDataSourceToken()).getRepository(ModuleEntity).exists()) throw new Error('the database already holds modules; seed-demo loads the demo catalogue into an empty catalogue only');
      const count = await app.get(DemoSeeder).seed(await loadDemoCatalogue());
      console.log(`Loaded the demo catalogue: ${count} published modules`);
    });
  }
}
