import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { CachingSearchEngine } from './caching-search-engine';
import topicsFile from './data/topics-id.json';
import { readIndexSnapshot, UnusableSnapshotError, writeIndexSnapshot } from './in-process/index-snapshot-file';
import { InProcessSearchEngine, IndexWriter } from './in-process/in-process-search-engine';
import { contributorNames, publishedDocuments, publishedState } from './module-documents';
import { SEARCH_ENGINE, SearchEngine } from './search-engine.port';
import { planCatchUp } from './snapshot-catch-up';
import { SEARCH_LANGUAGE, SearchLanguage } from './text/search-language';
import { isProcessAlive } from '../common/process-alive';

/** While the index changes, a snapshot is written at most this often (and at shutdown, and after each rebuild). */
const SAVE_INTERVAL_MS = 10 * 60_000;
/** Documents read per query during the catch-up. */
const CATCH_UP_BATCH = 1_000;
/** Current documents compared whole with the database's: documents made by other code (a new field, another mapping) fail. */
const SAMPLE_DOCUMENTS = 32;
/** Beyond this share of modules changed since the snapshot (and one batch), building afresh costs less than catching up. */
const MAX_CHANGED_SHARE = 0.5;

/** What the terms and documents derive from besides the database: a snapshot made with other data files is rebuilt. */
export function snapshotDataKey(language: SearchLanguage): string {
  return createHash('sha256').update([...language.stopWords].sort().join('\n')).update(JSON.stringify(topicsFile)).digest('hex');
}

/**
 * The in-process index on disk (SEARCH_INDEX_SNAPSHOT), so a start loads it
 * instead of building it from every document. A loaded snapshot is checked
 * against the database before it serves: modules no longer PUBLISHED are
 * removed, changed and new ones read again (planCatchUp). Any doubt (no
 * file, a corrupt or partial one, another format or tokenising, a database
 * error) and the caller builds the index as without a snapshot.
 */
@Injectable()
export class IndexSnapshots implements OnApplicationShutdown {
  private readonly logger = new Logger(IndexSnapshots.name);
  private readonly path?: string;
  private readonly engine?: InProcessSearchEngine;
  /** Runs a write on the engine so that the answers cache in front of it forgets what it held. */
  private readonly writing: <T>(write: () => Promise<T>) => Promise<T>;
  private readonly languageKey: string;
  /** engine.changeCount when the file on disk last matched the index. */
  private savedAt = -1;
  private saving?: Promise<void>;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SEARCH_ENGINE) engine: SearchEngine,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SEARCH_LANGUAGE) language: SearchLanguage,
  ) {
    const uncached = engine instanceof CachingSearchEngine ? engine.uncached : engine;
    if (uncached instanceof InProcessSearchEngine && config.searchIndexSnapshot) {
      this.engine = uncached;
      this.path = config.searchIndexSnapshot;
    }
    this.writing = engine instanceof CachingSearchEngine ? (write) => engine.writeThrough(write) : (write) => write();
    this.languageKey = snapshotDataKey(language);
  }

  /** Loads the snapshot, catches it up with the database and serves it; the number of modules, or undefined when the index must be built. */
  async restore(): Promise<number | undefined> {
    const { engine, path } = this;
    if (!engine || !path) return undefined;
    await removeAbandonedWrites(path);
    const started = performance.now();
    try {
      const state = await readIndexSnapshot(path, this.languageKey);
      const read = performance.now();
      let checked = read;
      let changed = 0;
      const count = await this.writing(() =>
        engine.restore(state, async (writer) => {
          checked = performance.now();
          changed = await this.catchUp(writer);
        }),
      );
      if (changed === 0) this.savedAt = engine.changeCount;
      this.startSaving();
      const now = performance.now();
      this.logger.log(
        `In-process search index loaded from ${path}: ${count} modules in ${Math.round(now - started)} ms ` +
          `(file ${Math.round(read - started)} ms, index ${Math.round(checked - read)} ms, checked against the database ${Math.round(now - checked)} ms; ${changed} changed since it was written)`,
      );
      return count;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof UnusableSnapshotError && reason === 'no snapshot yet') this.logger.log(`No search index snapshot at ${path}: building the index`);
      else this.logger.warn(`Search index snapshot ${path} not used (${reason}): building the index`);
      return undefined;
    }
  }

  /** Writes the index to the snapshot unless the file already holds it; one write at a time. */
  async save(): Promise<void> {
    const { engine, path } = this;
    if (!engine || !path) return;
    while (this.saving) await this.saving;
    if (this.savedAt === engine.changeCount) return;
    this.saving = (async () => {
      const started = performance.now();
      const changeCount = engine.changeCount;
      // A consistent copy, taken synchronously; writing it yields between sections.
      const state = engine.exportState();
      const bytes = await writeIndexSnapshot(path, state, this.languageKey);
      this.savedAt = changeCount;
      this.logger.log(`Search index snapshot written to ${path}: ${state.documents.length} modules, ${Math.round(bytes / 2 ** 20)} MiB in ${Math.round(performance.now() - started)} ms`);
    })()
      .catch((error: unknown) => this.logger.error(`Could not write the search index snapshot ${path}: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.saving = undefined));
    await this.saving;
    this.startSaving();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.save();
  }

  private startSaving(): void {
    this.timer ??= setInterval(() => void this.save(), SAVE_INTERVAL_MS).unref();
  }

  /** Brings the restored index in line with the database; returns how many modules it changed. */
  private async catchUp(writer: IndexWriter): Promise<number> {
    const state = await publishedState(this.dataSource);
    const contributorIds = [...new Set([...state.modules.values()].map((module) => module.contributorId))];
    const plan = planCatchUp(writer.documents(), state, await contributorNames(this.dataSource, contributorIds));
    const toRead = [...plan.stale, ...plan.added];
    if (toRead.length > Math.max(CATCH_UP_BATCH, state.modules.size * MAX_CHANGED_SHARE)) throw new UnusableSnapshotError(`${toRead.length} of ${state.modules.size} modules changed since it was written`);
    await this.checkSample(writer, new Set([...plan.stale, ...plan.rescored.map((document) => document.id)]));
    writer.delete(plan.gone);
    writer.upsert(plan.rescored);
    for (let i = 0; i < toRead.length; i += CATCH_UP_BATCH) {
      const ids = toRead.slice(i, i + CATCH_UP_BATCH);
      const documents = await publishedDocuments(this.dataSource, ids);
      writer.upsert([...documents.values()]);
      // Left PUBLISHED between the two reads.
      writer.delete(ids.filter((id) => !documents.has(id)));
    }
    return plan.gone.length + toRead.length + plan.rescored.length;
  }

  /** Throws unless a sample of the documents the check found current equal the database's documents, field for field. */
  private async checkSample(writer: IndexWriter, changed: Set<string>): Promise<void> {
    const documents = writer.documents();
    const step = Math.max(1, Math.floor(documents.length / SAMPLE_DOCUMENTS));
    const sample = documents.filter((document, position) => position % step === 0 && !changed.has(document.id)).slice(0, SAMPLE_DOCUMENTS);
    const current = await publishedDocuments(this.dataSource, sample.map((document) => document.id));
    for (const document of sample) {
      const fresh = current.get(document.id);
      if (fresh && !isDeepStrictEqual(fresh, document)) throw new UnusableSnapshotError(`module ${document.id}'s document differs from the one the database gives now`);
    }
  }
}

/** Temp files of writers that died mid-write (killed at shutdown, a crash): `<snapshot>.<pid>.tmp` whose pid is gone. */
async function removeAbandonedWrites(path: string): Promise<void> {
  const directory = dirname(path);
  const prefix = `${basename(path)}.`;
  const names = await readdir(directory).catch(() => [] as string[]);
  for (const name of names) {
    const pid = name.startsWith(prefix) && name.endsWith('.tmp') ? Number(name.slice(prefix.length, -'.tmp'.length)) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !isProcessAlive(pid)) await rm(join(directory, name), { force: true });
  }
}
