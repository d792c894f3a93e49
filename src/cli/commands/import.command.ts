import { getDataSourceToken } from '@nestjs/typeorm';
import { readFileSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'nest-commander';
import { OperatorCommand } from '../operator-command';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../accounts/user.entity';
import { Role } from '../../auth/role';
import { CatalogModule } from '../../catalog/catalog.module';
import { MAX_IMPORT_ITEMS, ModuleImportService } from '../../catalog/import/module-import.service';
import { loadConfig } from '../../config/config';
import { withAppContext } from '../app-context';
import { UsageError } from '../cli-errors';
import { FileError, readImportFile, RowError } from '../../catalog/import/file/import-file';
import { categoryKey, prakerjaCategoryMap } from '../../catalog/import/file/prakerja-categories';
import { ImportProgress } from '../import/import-progress';

interface ImportOptions {
  contributor: string;
  categoryMap?: string;
  skipInvalid?: boolean;
  errors?: string;
}

/**
 * Reads the file, checks every row with the API's own rules (ModuleImportService.validate),
 * and refuses the whole file when any row is bad unless --skip-invalid; then runs the
 * import job here, batch by batch (a worker given the same queued job resumes, never repeats).
 */
@Command({ name: 'import', arguments: '<file>', description: 'import modules as DRAFTs of a contributor from FILE.csv or FILE.json (docs/import.md)' })
export class ImportCommand extends OperatorCommand {
  async run([file]: string[], options: ImportOptions): Promise<void> {
    if (!/\.(csv|json)$/i.test(file)) throw new UsageError(`import reads a .csv or .json file, not '${file}'`);
    // The rate is measured from reading the file to SUCCEEDED (the database's start-up excluded).
    let started = Date.now();
    const categoryMap = readCategoryMap(options.categoryMap);
    const content = readFileSync(file);
    const parsed = readImportFile(file, content, categoryMap);
    if (parsed.items.length > MAX_IMPORT_ITEMS) throw new FileError(`${file} holds ${parsed.items.length} modules; an import holds at most ${MAX_IMPORT_ITEMS}: split the file`);
    const config = loadConfig();
    const readMs = Date.now() - started;
    await withAppContext(config, [CatalogModule], async (app) => {
      started = Date.now() - readMs;
      const dataSource = app.get<DataSource>(getDataSourceToken());
      const contributor = await dataSource.getRepository(UserEntity).findOneBy({ email: options.contributor.trim().toLowerCase() });
      if (!contributor || (contributor.role !== Role.CONTRIBUTOR && contributor.role !== Role.ADMIN)) throw new Error(`no contributor account ${options.contributor}: register it first`);
      const service = app.get(ModuleImportService);
      const { failures } = await service.validate(parsed.items);
      const errors: RowError[] = [...parsed.errors, ...failures.map((failure) => ({ row: parsed.rows[failure.index], field: failure.field ?? '', message: failure.message }))].sort((a, b) => a.row - b.row);
      const badRows = new Set(errors.map((error) => error.row));
      if (errors.length > 0) report(errors, options.errors);
      if (badRows.size > 0 && !options.skipInvalid) throw new Error(`${badRows.size} of ${parsed.items.length} rows are invalid; nothing imported (--skip-invalid imports the valid rows)`);
      const valid = parsed.items.filter((_, index) => !badRows.has(parsed.rows[index]));
      if (valid.length === 0) throw new Error('no valid rows; nothing imported');
      const job = await service.submit({ id: contributor.id, role: contributor.role }, valid);
      const progress = new ImportProgress(valid.length);
      await service.run(job.id, (itemsDone) => progress.update(itemsDone));
      const [done]: { state: string; created: number }[] = await dataSource.query(`SELECT state, cardinality(created_module_ids) AS created FROM import_jobs WHERE id = $1`, [job.id]);
      progress.finish(done.created);
      const seconds = (Date.now() - started) / 1000;
      console.log(`Imported ${done.created} modules as DRAFTs of ${contributor.email} (job ${job.id}, ${done.state}) in ${seconds.toFixed(1)} s: ${(done.created / seconds).toFixed(0)} modules/s${badRows.size ? `; ${badRows.size} invalid rows skipped` : ''}`);
    });
  }

  @Option({ flags: '--contributor <email>', description: 'the contributor (or admin) account that owns the imported modules', required: true })
  parseContributor(value: string): string {
    return value;
  }

  @Option({ flags: '--category-map <file>', description: 'JSON object from category names in the file to category slugs (added to the built-in Prakerja names)' })
  parseCategoryMap(value: string): string {
    return value;
  }

  @Option({ flags: '--skip-invalid', description: 'import the valid rows even when some are invalid (default: any invalid row refuses the file)' })
  parseSkipInvalid(): boolean {
    return true;
  }

  @Option({ flags: '--errors <file>', description: 'write the per-row error report as CSV (row,field,message) to this file instead of stderr' })
  parseErrors(value: string): string {
    return value;
  }
}

function readCategoryMap(path: string | undefined): Map<string, string> {
  const map = prakerjaCategoryMap();
  if (!path) return map;
  let extra: unknown;
  try {
    extra = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new FileError(`--category-map ${path}: ${(error as Error).message}`);
  }
  if (!extra || typeof extra !== 'object' || Array.isArray(extra) || Object.values(extra).some((slug) => typeof slug !== 'string')) {
    throw new FileError(`--category-map ${path} must hold a JSON object of category name to slug`);
  }
  for (const [name, slug] of Object.entries(extra as Record<string, string>)) map.set(categoryKey(name), slug);
  return map;
}

function report(errors: RowError[], file: string | undefined): void {
  if (file) {
    const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
    writeFileSync(file, ['row,field,message', ...errors.map((error) => `${error.row},${quote(error.field)},${quote(error.message)}`)].join('\n') + '\n');
    return;
  }
  for (const error of errors) process.stderr.write(`row ${error.row}: ${error.field || '(row)'}: ${error.message}\n`);
}
