import { createHash } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ModuleDocument } from '../search-engine.port';
import type { IndexState } from './module-index';

/**
 * Bump when what the index holds per document changes meaning (tokenising,
 * searchable fields, the document's shape): an older snapshot is then rebuilt.
 */
export const SNAPSHOT_FORMAT_VERSION = 1;

const MAGIC = Buffer.from('DMSRCHIX', 'latin1');
const CHECKSUM_BYTES = 32;
/** Documents per v8-serialised section: the writer yields to the event loop between sections. */
const DOCUMENTS_PER_SECTION = 5_000;

/** Written last, before its own length and the checksum: sections are sized as they are written. */
interface SnapshotTrailer {
  format: number;
  /** What the index was built with besides the database (its stop words, the topic lexicon). */
  languageKey: string;
  documents: number;
  terms: number;
  /** Byte lengths, in order: terms, posting lengths, posting slots, posting fields, then the document sections. */
  sections: number[];
}

/** The snapshot cannot be used (missing, partial, corrupt, other format or language): the index is built instead. */
export class UnusableSnapshotError extends Error {}

/**
 * Writes the state to `path` atomically: a temp file beside it, flushed to
 * disk, then renamed over the old one, so a crash leaves the old snapshot or
 * the new one, never half of one. Returns the size in bytes.
 */
export async function writeIndexSnapshot(path: string, state: IndexState, languageKey: string): Promise<number> {
  const temporary = `${path}.${process.pid}.tmp`;
  const file = await open(temporary, 'w', 0o600);
  const hash = createHash('sha256');
  let size = 0;
  const write = async (bytes: Uint8Array) => {
    hash.update(bytes);
    size += bytes.byteLength;
    await file.write(bytes);
  };
  try {
    await write(MAGIC);
    const sections: number[] = [];
    const section = async (bytes: Uint8Array) => {
      sections.push(bytes.byteLength);
      await write(bytes);
    };
    await section(serialize(state.terms));
    await section(bytesOf(state.postingLengths));
    await section(bytesOf(state.postingSlots));
    await section(bytesOf(state.postingFields));
    for (let start = 0; start < state.documents.length; start += DOCUMENTS_PER_SECTION) {
      await section(serialize(state.documents.slice(start, start + DOCUMENTS_PER_SECTION)));
    }
    const trailer: SnapshotTrailer = { format: SNAPSHOT_FORMAT_VERSION, languageKey, documents: state.documents.length, terms: state.terms.length, sections };
    const trailerBytes = Buffer.from(JSON.stringify(trailer));
    const trailerLength = Buffer.alloc(4);
    trailerLength.writeUInt32LE(trailerBytes.byteLength);
    await write(trailerBytes);
    await write(trailerLength);
    await file.write(hash.digest());
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  await rename(temporary, path);
  await syncDirectory(dirname(path));
  return size + CHECKSUM_BYTES;
}

/**
 * Reads and checks a snapshot, a section at a time (never the whole file in
 * memory); throws UnusableSnapshotError saying why it cannot be used. The
 * checksum covers every byte read; a section that fails to decode before the
 * checksum is known throws as well.
 */
export async function readIndexSnapshot(path: string, languageKey: string): Promise<IndexState> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    throw new UnusableSnapshotError((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no snapshot yet' : `unreadable: ${(error as Error).message}`);
  }
  try {
    return await readSections(file, languageKey);
  } catch (error) {
    if (error instanceof UnusableSnapshotError) throw error;
    throw new UnusableSnapshotError(`unreadable: ${(error as Error).message}`);
  } finally {
    await file.close();
  }
}

async function readSections(file: FileHandle, languageKey: string): Promise<IndexState> {
  const { size } = await file.stat();
  const readAt = async (position: number, length: number) => {
    const bytes = Buffer.allocUnsafe(length);
    const { bytesRead } = await file.read(bytes, 0, length, position);
    if (bytesRead !== length) throw new UnusableSnapshotError('the file is shorter than its sections');
    return bytes;
  };
  if (size < MAGIC.byteLength + 4 + CHECKSUM_BYTES || !(await readAt(0, MAGIC.byteLength)).equals(MAGIC)) throw new UnusableSnapshotError('not a search index snapshot');
  const end = await readAt(size - 4 - CHECKSUM_BYTES, 4 + CHECKSUM_BYTES);
  const trailerLength = end.readUInt32LE(0);
  const trailerStart = size - 4 - CHECKSUM_BYTES - trailerLength;
  if (trailerStart < MAGIC.byteLength) throw new UnusableSnapshotError('checksum mismatch (partial or corrupt file)');
  const trailerBytes = await readAt(trailerStart, trailerLength);
  let trailer: SnapshotTrailer;
  try {
    trailer = JSON.parse(trailerBytes.toString()) as SnapshotTrailer;
  } catch {
    throw new UnusableSnapshotError('checksum mismatch (partial or corrupt file)');
  }
  const sections = Array.isArray(trailer.sections) ? [...trailer.sections] : [];
  if (MAGIC.byteLength + sections.reduce((sum, length) => sum + length, 0) !== trailerStart) throw new UnusableSnapshotError('checksum mismatch (partial or corrupt file)');

  const hash = createHash('sha256').update(MAGIC);
  let offset = MAGIC.byteLength;
  const next = async () => {
    const length = sections.shift();
    if (length === undefined) throw new UnusableSnapshotError('a section is missing');
    const section = await readAt(offset, length);
    hash.update(section);
    offset += length;
    return section;
  };
  const terms = deserialize(await next()) as string[];
  const postingLengths = new Int32Array(copyOf(await next()));
  const postingSlots = new Int32Array(copyOf(await next()));
  const postingFields = new Uint8Array(copyOf(await next()));
  const documents: ModuleDocument[] = [];
  while (sections.length > 0) for (const document of deserialize(await next()) as ModuleDocument[]) documents.push(document);
  hash.update(trailerBytes).update(end.subarray(0, 4));
  if (!hash.digest().equals(end.subarray(4))) throw new UnusableSnapshotError('checksum mismatch (partial or corrupt file)');

  if (trailer.format !== SNAPSHOT_FORMAT_VERSION) throw new UnusableSnapshotError(`format ${trailer.format}, this code reads ${SNAPSHOT_FORMAT_VERSION}`);
  if (trailer.languageKey !== languageKey) throw new UnusableSnapshotError('built with other stop words or topic lexicon');
  if (documents.length !== trailer.documents || terms.length !== trailer.terms || postingLengths.length !== terms.length) {
    throw new UnusableSnapshotError('counts do not match the trailer');
  }
  return { documents, terms, postingLengths, postingSlots, postingFields };
}

function bytesOf(array: Int32Array | Uint8Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** The section in an ArrayBuffer of its own (typed arrays need their element alignment). */
function copyOf(section: Buffer): ArrayBuffer {
  const buffer = new ArrayBuffer(section.byteLength);
  new Uint8Array(buffer).set(section);
  return buffer;
}

/** Makes the rename itself durable (a no-op where directories cannot be opened for sync). */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
