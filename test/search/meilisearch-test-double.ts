import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compareVersions } from '../../src/search/meilisearch/meilisearch-version';
import { filterAttributes, matchesFilter } from './meilisearch-double/filter-evaluation';
import { parseFilterParameter, FilterSyntaxError } from './meilisearch-double/filter-grammar';
import { searchDocuments, SearchRequestError } from './meilisearch-double/document-search';
import { defaultSettings, settingsTaskError, SettingsError, validatedSettings, type IndexSettings } from './meilisearch-double/index-settings';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  authorization?: string;
}

interface ErrorBody {
  message: string;
  code: string;
  type: string;
  link: string;
}

type StoredDocument = Record<string, unknown> & { id: string };

export interface StoredIndex {
  primaryKey?: string;
  settings: IndexSettings;
  documents: Map<string, StoredDocument>;
}

interface TaskRecord {
  uid: number;
  indexUid: string | null;
  type: string;
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed';
  error: ErrorBody | null;
  enqueuedAt: string;
  /** Applied when the task is processed; returns the error that fails it, if any. */
  apply: () => ErrorBody | null;
}

export interface MeilisearchTestDoubleOptions {
  /** The version GET /version reports; swap payloads are checked against it. Default 1.50.0. */
  version?: string;
  /** Share of tasks that fail with an internal error when processed (seeded). Default 0. */
  taskFailureRate?: number;
  seed?: number;
}

/** Meilisearch's error body. */
export function meilisearchError(code: string, message: string, type = 'invalid_request'): ErrorBody {
  return { message, code, type, link: `https://docs.meilisearch.com/errors#${code}` };
}

class HttpError extends Error {
  constructor(readonly status: number, readonly body: ErrorBody) {
    super(body.message);
  }
}

const indexNotFound = (uid: string, where = '') => new HttpError(404, meilisearchError('index_not_found', `${where}Index \`${uid}\` not found.`));

/**
 * A strict stand-in for Meilisearch's HTTP API on 127.0.0.1 (port 0), built
 * from its source and documentation (no server can run here):
 * - writes answer 202 with an enqueued task; tasks are processed one at a
 *   time in enqueue order, one step per GET /tasks/:uid (enqueued →
 *   processing → succeeded or failed), and fail when told to or at
 *   `taskFailureRate`;
 * - reads of a missing index answer 404 `index_not_found`; document writes
 *   and settings updates create a missing index, deletions fail on one;
 * - settings are checked synchronously (400 `bad_request` /
 *   `invalid_settings_*`), swap payloads per `version` (`rename` exists from
 *   1.18), filters are parsed with Meilisearch's grammar and escaping;
 * - searches run over the stored documents with the index's settings
 *   (meilisearch-double/document-search.ts).
 * Every request is recorded.
 */
export class MeilisearchTestDouble {
  readonly requests: RecordedRequest[] = [];
  readonly indexes = new Map<string, StoredIndex>();
  /** When set, answers POST /multi-search instead of searching the stored documents. */
  multiSearchResponse?: (body: { queries: Record<string, unknown>[] }) => unknown;
  version: string;
  taskFailureRate: number;
  private readonly tasks = new Map<number, TaskRecord>();
  private readonly queue: number[] = [];
  private readonly failures = new Map<string, ErrorBody>();
  private random: () => number;
  private server?: Server;

  constructor(options: MeilisearchTestDoubleOptions = {}) {
    this.version = options.version ?? '1.50.0';
    this.taskFailureRate = options.taskFailureRate ?? 0;
    this.random = seededRandom(options.seed ?? 1);
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((error) => (error ? reject(error) : resolve())));
  }

  /** The next task of this type ends failed with this message. */
  failNextTask(type: string, message: string, code = 'invalid_settings'): void {
    this.failures.set(type, meilisearchError(code, message));
  }

  requestsTo(method: string, pathPattern: RegExp): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && pathPattern.test(request.path));
  }

  /** Empties the double: indexes, tasks and recorded requests. */
  reset(): void {
    this.requests.length = 0;
    this.indexes.clear();
    this.tasks.clear();
    this.queue.length = 0;
    this.failures.clear();
  }

  /** Processes every queued task now (as if time passed without anyone polling). */
  drainTasks(): void {
    while (this.queue.length > 0) this.advance();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(request);
    const method = request.method ?? 'GET';
    const reply = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return reply(400, meilisearchError('malformed_payload', 'The json payload provided is malformed.'));
    }
    this.requests.push({ method, path: url.pathname, body, authorization: request.headers.authorization });
    try {
      const [status, payload] = this.route(method, url, body);
      reply(status, payload);
    } catch (error) {
      if (error instanceof HttpError) return reply(error.status, error.body);
      reply(500, meilisearchError('internal', error instanceof Error ? error.message : String(error), 'internal'));
    }
  }

  private route(method: string, url: URL, body: unknown): [number, unknown] {
    const route = `${method} ${url.pathname}`;
    let match: RegExpMatchArray | null;
    if (route === 'GET /health') return [200, { status: 'available' }];
    if (route === 'GET /version') return [200, { commitSha: 'test-double', commitDate: '2026-01-01T00:00:00Z', pkgVersion: this.version }];
    if ((match = route.match(/^GET \/tasks\/(\d+)$/))) return [200, this.poll(Number(match[1]))];
    if (route === 'GET /indexes') {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const all = [...this.indexes.keys()].sort().map((uid) => this.indexView(uid));
      return [200, { results: all.slice(offset, offset + limit), offset, limit, total: all.length }];
    }
    if (route === 'POST /indexes') return [202, this.createIndex(body)];
    if (route === 'POST /swap-indexes') return [202, this.swap(body)];
    if (route === 'POST /multi-search') return [200, this.multiSearch(body)];
    if ((match = route.match(/^(\w+) \/indexes\/([^/]+)(\/.*)?$/))) return this.indexRoute(method, decodeURIComponent(match[2]), match[3] ?? '', url, body);
    throw new HttpError(404, meilisearchError('not_found', `no route ${route}`));
  }

  private indexRoute(method: string, uid: string, rest: string, url: URL, body: unknown): [number, unknown] {
    const existing = this.indexes.get(uid);
    const mustExist = (): StoredIndex => {
      if (!existing) throw indexNotFound(uid);
      return existing;
    };
    const route = `${method} ${rest}`;
    let match: RegExpExecArray | null;
    if (route === 'GET ') return [200, (mustExist(), this.indexView(uid))];
    if (route === 'DELETE ') return [202, this.enqueue(uid, 'indexDeletion', () => (this.indexes.delete(uid) ? null : indexNotFound(uid).body))];
    if (route === 'GET /settings') return [200, mustExist().settings];
    if (route === 'PATCH /settings') {
      const settings = validated(() => validatedSettings(existing?.settings ?? defaultSettings(), body));
      return [202, this.enqueue(uid, 'settingsUpdate', () => {
        const taskError = settingsTaskError(settings);
        if (taskError) return meilisearchError(taskError.code, taskError.message);
        this.indexOrCreate(uid).settings = validatedSettings(this.indexOrCreate(uid).settings, body);
        return null;
      })];
    }
    if ((method === 'POST' || method === 'PUT') && rest === '/documents') {
      if (!Array.isArray(body)) throw new HttpError(400, meilisearchError('malformed_payload', 'The `json` payload must be an array of documents.'));
      const documents = body as StoredDocument[];
      const primaryKey = url.searchParams.get('primaryKey') ?? undefined;
      return [202, this.enqueue(uid, 'documentAdditionOrUpdate', () => {
        const index = this.indexOrCreate(uid, primaryKey);
        const key = index.primaryKey ?? 'id';
        const invalid = documents.find((document) => !/^[a-zA-Z0-9_-]{1,511}$/.test(String(document[key])));
        if (invalid) return meilisearchError('invalid_document_id', `Document identifier \`${JSON.stringify(invalid[key])}\` is invalid.`);
        for (const document of documents) {
          const id = String(document[key]);
          index.documents.set(id, method === 'PUT' ? { ...(index.documents.get(id) ?? {}), ...document } : document);
        }
        return null;
      })];
    }
    if (route === 'POST /documents/delete-batch') {
      const ids = (body as unknown[]).map(String);
      return [202, this.enqueue(uid, 'documentDeletion', () => {
        const index = this.indexes.get(uid);
        if (!index) return indexNotFound(uid).body;
        for (const id of ids) index.documents.delete(id);
        return null;
      })];
    }
    if (route === 'POST /documents/fetch' || route === 'GET /documents') {
      const index = mustExist();
      const options = (method === 'GET' ? Object.fromEntries(url.searchParams) : body ?? {}) as { filter?: unknown; fields?: string[] | string; limit?: number | string; offset?: number | string };
      const fields = typeof options.fields === 'string' ? options.fields.split(',') : options.fields;
      const filter = documentFilter(options.filter, index.settings);
      const all = [...index.documents.values()].filter((document) => !filter || matchesFilter(document, filter));
      const offset = Number(options.offset ?? 0);
      const limit = Number(options.limit ?? 20);
      return [200, { results: all.slice(offset, offset + limit).map((document) => pick(document, fields)), offset, limit, total: all.length }];
    }
    if ((match = /^GET \/documents\/([^/]+)$/.exec(route))) {
      const document = mustExist().documents.get(decodeURIComponent(match[1]));
      if (!document) throw new HttpError(404, meilisearchError('document_not_found', `Document \`${decodeURIComponent(match[1])}\` not found.`));
      return [200, pick(document, url.searchParams.get('fields')?.split(','))];
    }
    if (route === 'POST /search') return [200, { ...this.searchIndex(uid, body as Record<string, unknown>, ''), indexUid: uid }];
    throw new HttpError(404, meilisearchError('not_found', `no route ${method} /indexes/${uid}${rest}`));
  }

  private indexView(uid: string) {
    return { uid, primaryKey: this.indexes.get(uid)?.primaryKey ?? null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
  }

  private indexOrCreate(uid: string, primaryKey?: string): StoredIndex {
    let index = this.indexes.get(uid);
    if (!index) this.indexes.set(uid, (index = { primaryKey, settings: defaultSettings(), documents: new Map() }));
    index.primaryKey ??= primaryKey;
    return index;
  }

  private createIndex(body: unknown) {
    const { uid, primaryKey } = (body ?? {}) as { uid?: unknown; primaryKey?: string };
    if (typeof uid !== 'string') throw new HttpError(400, meilisearchError('missing_index_uid', 'Missing field `uid`'));
    if (!/^[a-zA-Z0-9_-]{1,400}$/.test(uid)) throw new HttpError(400, meilisearchError('invalid_index_uid', `\`${uid}\` is not a valid index uid. Index uid can be an integer or a string containing only alphanumeric characters, hyphens (-) and underscores (_), and can not be more than 400 bytes.`));
    return this.enqueue(uid, 'indexCreation', () => {
      if (this.indexes.has(uid)) return meilisearchError('index_already_exists', `Index \`${uid}\` already exists.`);
      this.indexOrCreate(uid, primaryKey);
      return null;
    });
  }

  /** The payload Meilisearch `version` accepts: `rename` only from 1.18 (before, an unknown field). */
  private swap(body: unknown) {
    if (!Array.isArray(body)) throw new HttpError(400, meilisearchError('bad_request', 'Invalid value type: expected an array'));
    const allowed = compareVersions(this.version, '1.18.0') >= 0 ? ['indexes', 'rename'] : ['indexes'];
    const swaps = body.map((swap: Record<string, unknown>, position) => {
      if (typeof swap !== 'object' || swap === null) throw new HttpError(400, meilisearchError('bad_request', `Invalid value type at \`[${position}]\`: expected an object`));
      for (const field of Object.keys(swap)) {
        if (!allowed.includes(field)) throw new HttpError(400, meilisearchError('bad_request', `Unknown field \`${field}\` inside \`[${position}]\`: expected one of ${allowed.map((name) => `\`${name}\``).join(', ')}`));
      }
      const { indexes, rename = false } = swap as { indexes?: unknown; rename?: unknown };
      if (!Array.isArray(indexes) || indexes.length !== 2 || !indexes.every((uid) => typeof uid === 'string')) {
        throw new HttpError(400, meilisearchError('invalid_swap_indexes', `Two indexes must be given for each swap. The list \`${JSON.stringify(indexes)}\` is invalid.`));
      }
      if (typeof rename !== 'boolean') throw new HttpError(400, meilisearchError('invalid_swap_rename', `Invalid value type at \`[${position}].rename\`: expected a boolean`));
      return { indexes: indexes as [string, string], rename };
    });
    return this.enqueue(null, 'indexSwap', () => {
      for (const { indexes: [first, second], rename } of swaps) {
        const missing = (rename ? [first] : [first, second]).filter((uid) => !this.indexes.has(uid));
        if (missing.length > 0) return meilisearchError('index_not_found', `Indexes ${missing.map((uid) => `\`${uid}\``).join(', ')} not found.`);
        if (rename && this.indexes.has(second)) return meilisearchError('index_already_exists', `Index \`${second}\` already exists.`);
        const firstIndex = this.indexes.get(first)!;
        if (rename) {
          this.indexes.delete(first);
          this.indexes.set(second, firstIndex);
        } else {
          this.indexes.set(first, this.indexes.get(second)!);
          this.indexes.set(second, firstIndex);
        }
      }
      return null;
    });
  }

  private multiSearch(body: unknown) {
    if (this.multiSearchResponse) return this.multiSearchResponse(body as { queries: Record<string, unknown>[] });
    const { queries } = (body ?? {}) as { queries?: Record<string, unknown>[] };
    if (!Array.isArray(queries)) throw new HttpError(400, meilisearchError('bad_request', 'Missing field `queries`'));
    return {
      results: queries.map(({ indexUid, ...query }, position) => {
        if (typeof indexUid !== 'string') throw new HttpError(400, meilisearchError('missing_index_uid', `Missing field \`indexUid\` inside \`.queries[${position}]\``));
        return { indexUid, ...this.searchIndex(indexUid, query, ` inside \`.queries[${position}]\``, `Inside \`.queries[${position}]\`: `) };
      }),
    };
  }

  private searchIndex(uid: string, query: Record<string, unknown>, where: string, prefix = ''): Record<string, unknown> {
    const index = this.indexes.get(uid);
    if (!index) throw indexNotFound(uid, prefix);
    try {
      return searchDocuments([...index.documents.values()], index.settings, query, where);
    } catch (error) {
      if (error instanceof SearchRequestError) throw new HttpError(400, meilisearchError(error.code, `${prefix}${error.message}`));
      throw error;
    }
  }

  private enqueue(indexUid: string | null, type: string, apply: TaskRecord['apply']) {
    const uid = this.tasks.size;
    const enqueuedAt = new Date().toISOString();
    this.tasks.set(uid, { uid, indexUid, type, status: 'enqueued', error: null, enqueuedAt, apply });
    this.queue.push(uid);
    return { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt };
  }

  /** One step of the task queue per poll: tasks finish in the order they were enqueued. */
  private poll(uid: number) {
    const task = this.tasks.get(uid);
    if (!task) throw new HttpError(404, meilisearchError('task_not_found', `Task \`${uid}\` not found.`));
    this.advance();
    return taskView(task);
  }

  private advance(): void {
    const head = this.tasks.get(this.queue[0]);
    if (!head) return;
    if (head.status === 'enqueued') {
      head.status = 'processing';
      return;
    }
    this.queue.shift();
    const injected = this.failures.get(head.type);
    this.failures.delete(head.type);
    const random = this.taskFailureRate > 0 && this.random() < this.taskFailureRate ? meilisearchError('internal', 'An internal error has occurred. (injected by the test double)', 'internal') : null;
    head.error = injected ?? random ?? head.apply();
    head.status = head.error ? 'failed' : 'succeeded';
  }
}

function validated<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof SettingsError) throw new HttpError(400, meilisearchError(error.code, error.message));
    throw error;
  }
}

function documentFilter(filter: unknown, settings: IndexSettings) {
  try {
    const node = parseFilterParameter(filter);
    for (const attribute of node ? filterAttributes(node) : []) {
      if (!settings.filterableAttributes.includes(attribute)) throw new HttpError(400, meilisearchError('invalid_document_filter', `Attribute \`${attribute}\` is not filterable. Available filterable attribute patterns are: ${settings.filterableAttributes.map((name) => `\`${name}\``).join(', ')}.`));
    }
    return node;
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new HttpError(400, meilisearchError('invalid_document_filter', error.message));
    throw error;
  }
}

function taskView(task: TaskRecord) {
  const now = new Date().toISOString();
  const finished = task.status === 'succeeded' || task.status === 'failed';
  return {
    uid: task.uid, batchUid: finished ? task.uid : null, indexUid: task.indexUid, status: task.status, type: task.type, canceledBy: null, details: {}, error: task.error,
    duration: finished ? 'PT0.001S' : null, enqueuedAt: task.enqueuedAt, startedAt: task.status === 'enqueued' ? null : now, finishedAt: finished ? now : null,
  };
}

function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function pick(document: StoredDocument, fields: string[] | undefined): Record<string, unknown> {
  if (!fields || fields.includes('*')) return { ...document };
  return Object.fromEntries(fields.filter((field) => field in document).map((field) => [field, document[field]]));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
