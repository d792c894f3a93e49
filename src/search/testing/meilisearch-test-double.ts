import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  authorization?: string;
}

interface TaskError {
  message: string;
  code: string;
  type: string;
  link: string;
}

interface TaskRecord {
  uid: number;
  indexUid: string | null;
  type: string;
  status: 'succeeded' | 'failed';
  error: TaskError | null;
}

type StoredDocument = Record<string, unknown> & { id: string };

/**
 * A stand-in for Meilisearch's HTTP API on 127.0.0.1 (port 0), as documented:
 * writes answer 202 with an enqueued task, GET /tasks/:uid reports it
 * succeeded (or failed, when told to). It records every request and keeps
 * documents per index, enough to check what the adapter sends. Search
 * answers come from `multiSearchResponse`.
 */
export class MeilisearchTestDouble {
  readonly requests: RecordedRequest[] = [];
  readonly indexes = new Map<string, Map<string, StoredDocument>>();
  multiSearchResponse: (body: { queries: Record<string, unknown>[] }) => unknown = ({ queries }) => ({
    results: queries.map((query) => ({ indexUid: query.indexUid, hits: [], query: query.q ?? '', processingTimeMs: 0, totalHits: 0, totalPages: 0, page: 1, hitsPerPage: query.hitsPerPage, facetDistribution: {} })),
  });
  private readonly tasks = new Map<number, TaskRecord>();
  private readonly failures = new Map<string, TaskError>();
  private server?: Server;

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
    this.failures.set(type, { message, code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${code}` });
  }

  requestsTo(method: string, pathPattern: RegExp): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && pathPattern.test(request.path));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(request);
    const body: unknown = raw ? JSON.parse(raw) : undefined;
    const method = request.method ?? 'GET';
    this.requests.push({ method, path: url.pathname, body, authorization: request.headers.authorization });
    const reply = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    const route = `${method} ${url.pathname}`;
    let match: RegExpMatchArray | null;

    if (route === 'GET /health') return reply(200, { status: 'available' });
    if ((match = route.match(/^GET \/tasks\/(\d+)$/))) {
      const task = this.tasks.get(Number(match[1]));
      return task ? reply(200, taskView(task)) : reply(404, { message: 'task not found', code: 'task_not_found', type: 'invalid_request', link: '' });
    }
    if (route === 'POST /indexes') {
      const { uid } = body as { uid: string };
      if (this.indexes.has(uid)) return reply(202, this.enqueue(uid, 'indexCreation', { message: `Index \`${uid}\` already exists.`, code: 'index_already_exists', type: 'invalid_request', link: '' }));
      this.indexes.set(uid, new Map());
      return reply(202, this.enqueue(uid, 'indexCreation'));
    }
    if (route === 'POST /swap-indexes') {
      for (const { indexes: [first, second] } of body as { indexes: [string, string] }[]) {
        const firstDocuments = this.indexes.get(first)!;
        this.indexes.set(first, this.indexes.get(second)!);
        this.indexes.set(second, firstDocuments);
      }
      return reply(202, this.enqueue(null, 'indexSwap'));
    }
    if (route === 'POST /multi-search') return reply(200, this.multiSearchResponse(body as { queries: Record<string, unknown>[] }));
    if ((match = route.match(/^(\w+) \/indexes\/([\w-]+)(\/.*)?$/))) {
      const [, , uid, rest = ''] = match;
      const documents = this.indexes.get(uid);
      if (method === 'DELETE' && rest === '') {
        this.indexes.delete(uid);
        return reply(202, this.enqueue(uid, 'indexDeletion'));
      }
      if (method === 'PATCH' && rest === '/settings') return reply(202, this.enqueue(uid, 'settingsUpdate'));
      if (method === 'POST' && rest === '/documents') {
        for (const document of body as StoredDocument[]) documents?.set(document.id, document);
        return reply(202, this.enqueue(uid, 'documentAdditionOrUpdate'));
      }
      if (method === 'POST' && rest === '/documents/delete-batch') {
        for (const id of body as string[]) documents?.delete(id);
        return reply(202, this.enqueue(uid, 'documentDeletion'));
      }
      if (method === 'POST' && rest === '/documents/fetch') {
        const { filter } = body as { filter: string[] };
        const ids = [...filter.join(' ').matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(([, id]) => id);
        const results = ids.flatMap((id) => (documents?.has(id) ? [pick(documents.get(id)!, ['id', 'version'])] : []));
        return reply(200, { results, offset: 0, limit: ids.length, total: results.length });
      }
      if (method === 'GET' && rest === '/documents') {
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const limit = Number(url.searchParams.get('limit') ?? 20);
        const all = [...(documents?.values() ?? [])].map((document) => pick(document, ['id', 'version']));
        return reply(200, { results: all.slice(offset, offset + limit), offset, limit, total: all.length });
      }
    }
    reply(404, { message: `no route ${route}`, code: 'not_found', type: 'invalid_request', link: '' });
  }

  private enqueue(indexUid: string | null, type: string, error: TaskError | null = this.takeFailure(type)) {
    const uid = this.tasks.size;
    this.tasks.set(uid, { uid, indexUid, type, status: error ? 'failed' : 'succeeded', error });
    return { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() };
  }

  private takeFailure(type: string): TaskError | null {
    const failure = this.failures.get(type) ?? null;
    this.failures.delete(type);
    return failure;
  }
}

function taskView(task: TaskRecord) {
  const now = new Date().toISOString();
  return { ...task, batchUid: task.uid, canceledBy: null, details: {}, duration: 'PT0.001S', enqueuedAt: now, startedAt: now, finishedAt: now };
}

function pick(document: StoredDocument, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, document[field]]));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
