import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DataSource, EntityManager, In } from 'typeorm';
import { Role } from '../../auth/role';
import { Viewer } from '../../auth/viewer';
import { badInput, notFound } from '../../common/domain-error';
import { toFieldErrors } from '../../graphql/validation';
import { JobHandlers } from '../../queue/job-handlers';
import { JobState } from '../../queue/job-state';
import { JobName } from '../../queue/jobs';
import { Outbox } from '../../queue/outbox';
import { CategoryEntity } from '../category.entity';
import { ModuleInput } from '../dto/module.input';
import { isUuid } from '../module-access';
import { LessonEntity } from '../lesson.entity';
import { ModuleEntity } from '../module.entity';
import { NOT_A_LESSON_OF_THIS_MODULE } from '../lesson-plan';
import { storedMarkdown } from '../markdown/stored-markdown';
import { draftModuleRow, lessonRows } from '../module-rows';
import { slugFromTitle, withSuffix } from '../slug';
import { ImportFailure, ImportJobEntity, PendingImportItem } from './import-job.entity';

export const MAX_IMPORT_ITEMS = 5_000;

/** An uploaded file's rows: the row number of each item, and the problems the file reader found by row. */
export interface ImportFileRows {
  rows: number[];
  errors: { row: number; field: string; message: string }[];
}
/** Modules created per transaction: large enough for throughput, small enough to keep locks short. */
const BATCH_SIZE = 250;
/** Lesson rows per INSERT, well under PostgreSQL's 65,535 parameters. */
const LESSON_ROWS_PER_INSERT = 1_000;

/**
 * importModules: every item is validated like createModule when submitted;
 * the valid ones are created as DRAFTs by a background job, in batches that
 * each commit with the job's progress, so a retried job resumes where it was.
 */
@Injectable()
export class ModuleImportService implements OnModuleInit {
  private readonly logger = new Logger(ModuleImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(JobName.IMPORT_MODULES, ({ importJobId }) => this.run(importJobId));
  }

  /**
   * `file` (an upload): the file's row number of each item, stored with each failure, and the
   * problems its reader found; those items are failures too and create nothing.
   */
  async submit(viewer: Viewer, items: unknown[], file?: ImportFileRows): Promise<ImportJobEntity> {
    const validated = await this.validate(items);
    const { failures: found, pending } = file ? withFileRows(validated, file) : validated;
    // A failure may quote the item's own text (an unknown category, a reader's cell), and jsonb cannot hold U+0000.
    const failures = found.map((failure) => ({ ...failure, message: failure.message.replace(/\u0000/g, '\ufffd') }));
    const invalidItems = new Set(failures.map((failure) => failure.index)).size;
    return this.dataSource.transaction(async (manager) => {
      const job = await manager.save(
        manager.create(ImportJobEntity, {
          ownerId: viewer.id,
          total: items.length,
          processed: invalidItems,
          failures,
          pendingItems: pending,
          state: pending.length > 0 ? JobState.QUEUED : JobState.SUCCEEDED,
          finishedAt: pending.length > 0 ? null : new Date(),
        }),
      );
      if (pending.length > 0) await this.outbox.enqueue(manager, JobName.IMPORT_MODULES, { importJobId: job.id });
      return job;
    });
  }

  /** Checks every item as createModule would, writing nothing (the operator CLI refuses a file with any bad row). */
  async validate(items: unknown[]): Promise<{ failures: ImportFailure[]; pending: PendingImportItem[] }> {
    if (items.length === 0 || items.length > MAX_IMPORT_ITEMS) throw badInput('items', `must hold 1 to ${MAX_IMPORT_ITEMS} modules`);
    const categorySlugs = new Set((await this.dataSource.getRepository(CategoryEntity).find()).map((category) => category.slug));
    const failures: ImportFailure[] = [];
    const pending: PendingImportItem[] = [];
    items.forEach((item, index) => {
      const input = plainToInstance(ModuleInput, item);
      const errors = toFieldErrors(validateSync(input, { whitelist: true, forbidUnknownValues: false }));
      errors.push(...nulTextFields(input).map((field) => ({ field, message: NUL_REFUSED })));
      if (errors.length === 0 && !categorySlugs.has(input.categorySlug)) errors.push({ field: 'categorySlug', message: `unknown category '${input.categorySlug}'` });
      // A new module has no lessons to keep, as in createModule.
      if (errors.length === 0) errors.push(...input.lessons.flatMap((lesson, i) => (lesson.id != null ? [{ field: `lessons.${i}.id`, message: NOT_A_LESSON_OF_THIS_MODULE }] : [])));
      if (errors.length > 0) failures.push(...errors.map((error) => ({ index, field: error.field, message: error.message })));
      else pending.push({ index, input: withStoredMarkdown(input) });
    });
    return { failures, pending };
  }

  /** The owner's (or, for an admin, anyone's) import job. */
  async find(viewer: Viewer, id: string): Promise<ImportJobEntity> {
    const job = isUuid(id) ? await this.dataSource.getRepository(ImportJobEntity).findOneBy({ id }) : null;
    if (!job || (job.ownerId !== viewer.id && viewer.role !== Role.ADMIN)) throw notFound('Import job');
    return job;
  }

  /** The first `first` modules a job created, in the order created (the job comes from find, so its owner's). */
  async createdModules(job: ImportJobEntity, first: number): Promise<{ id: string; title: string }[]> {
    const ids = job.createdModuleIds.slice(0, first);
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(ModuleEntity).find({ select: { id: true, title: true }, where: { id: In(ids) } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []).map(({ id, title }) => ({ id, title }));
  }

  /** Runs the job to its end; safe beside the queued delivery of the same job (batches lock the job row and resume). */
  async run(importJobId: string, onBatch?: (itemsDone: number) => void): Promise<void> {
    for (;;) {
      const { finished, itemsDone } = await this.dataSource.transaction((manager) => this.runBatch(manager, importJobId));
      onBatch?.(itemsDone);
      if (finished) return;
    }
  }

  /**
   * Creates the next batch and records the progress in the same transaction;
   * finished when nothing is left; itemsDone counts the valid items created so far. Only the batch's items are read, and progress is
   * appended in SQL: the job row holds up to 5,000 items (megabytes of JSON).
   */
  private async runBatch(manager: EntityManager, importJobId: string): Promise<{ finished: boolean; itemsDone: number }> {
    const [job]: { state: JobState; owner_id: string; next_item: number; pending: number }[] = await manager.query(
      `SELECT state, owner_id, next_item, coalesce(jsonb_array_length(pending_items), 0) AS pending FROM import_jobs WHERE id = $1 FOR UPDATE`,
      [importJobId],
    );
    if (!job || job.state === JobState.SUCCEEDED || job.state === JobState.FAILED) return { finished: true, itemsDone: job?.next_item ?? 0 };
    const [{ items }]: { items: PendingImportItem[] }[] = await manager.query(
      `SELECT coalesce(jsonb_agg(item ORDER BY position), '[]') AS items
         FROM import_jobs, jsonb_array_elements(pending_items) WITH ORDINALITY AS pending(item, position)
        WHERE id = $1 AND position > $2 AND position <= $2 + $3`,
      [importJobId, job.next_item, BATCH_SIZE],
    );
    const createdIds = items.length > 0 ? await this.createModules(manager, job.owner_id, items.map((item) => plainToInstance(ModuleInput, item.input))) : [];
    const nextItem = job.next_item + items.length;
    const finished = nextItem >= job.pending;
    // The items are kept until the last batch, so a retried job finds them.
    const [[progress]]: [{ created: number; failed: number }[]] = await manager.query(
      `UPDATE import_jobs
          SET state = $2, processed = processed + $3, next_item = $4, created_module_ids = created_module_ids || $5::uuid[],
              finished_at = CASE WHEN $6 THEN now() END, pending_items = CASE WHEN $6 THEN NULL ELSE pending_items END
        WHERE id = $1 RETURNING cardinality(created_module_ids) AS created, jsonb_array_length(failures) AS failed`,
      [importJobId, finished ? JobState.SUCCEEDED : JobState.RUNNING, items.length, nextItem, createdIds, finished],
    );
    if (finished) this.logger.log(`Import ${importJobId}: ${progress.created} modules created, ${progress.failed} failures`);
    return { finished, itemsDone: nextItem };
  }

  private async createModules(manager: EntityManager, ownerId: string, inputs: ModuleInput[]): Promise<string[]> {
    const categories = new Map((await manager.find(CategoryEntity)).map((category) => [category.slug, category.id]));
    const slugs = await this.freeSlugs(manager, inputs.map((input) => slugFromTitle(input.title)));
    const rows = inputs.map((input, i) => ({ ...draftModuleRow(input, categories.get(input.categorySlug)!, ownerId), slug: slugs[i] }));
    const { identifiers } = await manager.insert(ModuleEntity, rows);
    const ids = identifiers.map((identifier) => identifier.id as string);
    const lessons = inputs.flatMap((input, i) => lessonRows(ids[i], input.lessons));
    for (let i = 0; i < lessons.length; i += LESSON_ROWS_PER_INSERT) await manager.insert(LessonEntity, lessons.slice(i, i + LESSON_ROWS_PER_INSERT));
    return ids;
  }

  /** Unique slugs for a batch: the plain slug where free, else a suffixed one. */
  private async freeSlugs(manager: EntityManager, wanted: string[]): Promise<string[]> {
    const taken: { slug: string }[] = await manager.query(`SELECT slug FROM modules WHERE slug = ANY($1)`, [wanted]);
    const used = new Set(taken.map((row) => row.slug));
    return wanted.map((slug) => {
      let free = slug;
      while (used.has(free)) free = withSuffix(slug);
      used.add(free);
      return free;
    });
  }
}

const NUL_REFUSED = 'must not contain the NUL character (U+0000)';
const MARKDOWN_FIELD = /^(description|lessons\.\d+\.body)$/;

/**
 * The fields holding U+0000 outside Markdown: createModule refuses them
 * (PostgreSQL text cannot hold it), so the import does, per row, before the
 * item is stored in the job's jsonb (which cannot hold it either). A string
 * of a list (skills, options) is reported on the list.
 */
function nulTextFields(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') && !MARKDOWN_FIELD.test(path) ? [path] : [];
  if (value === null || typeof value !== 'object') return [];
  const fields = Object.entries(value).flatMap(([key, item]) => nulTextFields(item, Array.isArray(value) && typeof item === 'string' ? path : path ? `${path}.${key}` : key));
  return [...new Set(fields)];
}

/** The item as createModule stores it: U+0000 in Markdown becomes U+FFFD (storedMarkdown). */
function withStoredMarkdown(input: ModuleInput): Record<string, unknown> {
  return { ...input, description: storedMarkdown(input.description), lessons: input.lessons.map((lesson) => (lesson.body != null ? { ...lesson, body: storedMarkdown(lesson.body) } : lesson)) };
}

/**
 * The reader's row problems join the rules' failures (a rule's failure on a field the reader
 * already explained is dropped: unreadable lessons are not also "lessons must be an array"),
 * their items leave the pending ones, and every failure names its row, in row order.
 */
function withFileRows({ failures, pending }: { failures: ImportFailure[]; pending: PendingImportItem[] }, file: ImportFileRows) {
  const indexOfRow = new Map(file.rows.map((row, index) => [row, index]));
  const readerFailures: ImportFailure[] = file.errors.map((error) => ({ index: indexOfRow.get(error.row)!, field: error.field || null, message: error.message }));
  const explained = new Set(readerFailures.map((failure) => `${failure.index}:${failure.field}`));
  const refused = new Set(readerFailures.map((failure) => failure.index));
  const ruleFailures = failures.filter((failure) => !explained.has(`${failure.index}:${(failure.field ?? '').split('.')[0] || null}`));
  return {
    failures: [...readerFailures, ...ruleFailures].map((failure) => ({ ...failure, row: file.rows[failure.index] })).sort((a, b) => a.index - b.index),
    pending: pending.filter((item) => !refused.has(item.index)),
  };
}
