import { MeilisearchApiError, type EnqueuedTaskPromise, type Meilisearch } from 'meilisearch';
import type { MeilisearchModuleDocument } from './meilisearch-settings';

/** A write made while a rebuild runs: the newest document of a module, or its deletion. */
export interface JournalEntry {
  id: string;
  version: number;
  deleted: boolean;
  document?: MeilisearchModuleDocument;
}

/** The journal's first document: which fresh index the running rebuild fills, and since when. */
export interface RebuildMarker {
  id: typeof MARKER_ID;
  freshUid: string;
  startedAt: number;
}

const MARKER_ID = 'rebuild-marker';
const PAGE_SIZE = 1_000;

export type RunTask = (enqueued: EnqueuedTaskPromise, ignoredErrorCodes?: string[]) => Promise<unknown>;

export function meilisearchErrorCode(error: unknown): string | undefined {
  if (error instanceof MeilisearchApiError) return error.cause?.code;
  return (error as { task?: { error?: { code?: string } } })?.task?.error?.code;
}

/**
 * The state of a running rebuild, kept in Meilisearch so every process sees
 * it: the index `<uid>_rebuild_journal` holds a marker (the fresh index) and
 * one entry per module written meanwhile. Writers record there first, then
 * write; the rebuild replays the entries onto the fresh index after its last
 * batch, so an older batch never wins over a newer write and a deletion is
 * not undone. Meilisearch creates an index on any document write, so a late
 * write can recreate the journal after the rebuild removed it: a journal
 * without its marker is such an orphan, and is removed.
 */
export class RebuildJournal {
  readonly uid: string;

  constructor(
    private readonly client: Meilisearch,
    indexUid: string,
    private readonly runTask: RunTask,
  ) {
    this.uid = `${indexUid}_rebuild_journal`;
  }

  /** The running rebuild, if any (one GET; an orphaned journal is removed). */
  async current(): Promise<RebuildMarker | undefined> {
    try {
      return await this.client.index(this.uid).getDocument<RebuildMarker>(MARKER_ID);
    } catch (error) {
      const code = meilisearchErrorCode(error);
      if (code === 'index_not_found') return undefined;
      if (code === 'document_not_found') {
        await this.remove();
        return undefined;
      }
      throw error;
    }
  }

  /** Starts the journal of the rebuild filling `freshUid` (the marker's write creates the index). */
  async begin(freshUid: string): Promise<void> {
    const marker: RebuildMarker = { id: MARKER_ID, freshUid, startedAt: Date.now() };
    await this.runTask(this.client.index(this.uid).addDocuments([marker], { primaryKey: 'id' }));
    await this.assertOwnedBy(freshUid);
  }

  /** Throws unless the journal still belongs to the rebuild filling `freshUid` (another rebuild may have taken over). */
  async assertOwnedBy(freshUid: string): Promise<void> {
    const marker = await this.current();
    if (marker?.freshUid !== freshUid) throw new Error(`The rebuild into ${freshUid} lost its journal to ${marker?.freshUid ?? 'nobody'}`);
  }

  /** Records the entries; false when no rebuild runs any more (the orphan the write created is removed). */
  async record(entries: JournalEntry[]): Promise<boolean> {
    await this.runTask(this.client.index(this.uid).addDocuments(entries, { primaryKey: 'id' }));
    return (await this.current()) !== undefined;
  }

  async entries(): Promise<JournalEntry[]> {
    const entries: JournalEntry[] = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await this.client.index(this.uid).getDocuments<JournalEntry | RebuildMarker>({ limit: PAGE_SIZE, offset });
      for (const entry of page.results) if (entry.id !== MARKER_ID) entries.push(entry as JournalEntry);
      if (page.results.length < PAGE_SIZE) return entries;
    }
  }

  async remove(): Promise<void> {
    await this.runTask(this.client.deleteIndex(this.uid), ['index_not_found']);
  }
}
