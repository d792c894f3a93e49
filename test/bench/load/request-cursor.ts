import { readFileSync, statSync } from 'node:fs';
import type { RequestList } from './load-protocol';

export interface NextRequest {
  body: string;
  headers: Record<string, string>;
}

interface Position {
  list: RequestList;
  version: string;
  next: number;
  wraps: number;
}

/**
 * The load runner's place in each request list (see RequestList for the
 * order). It is kept per file across runs, so consecutive rounds, and other
 * clients on the same list, send requests the previous ones have not.
 */
export class RequestCursors {
  private readonly positions = new Map<string, Position>();

  /** The cursor of `file`; a file rewritten with other content starts again at its first request. */
  open(file: string): RequestCursor {
    const stat = statSync(file);
    const version = `${stat.size}:${stat.mtimeMs}`;
    let position = this.positions.get(file);
    if (!position || position.version !== version) {
      position = { list: JSON.parse(readFileSync(file, 'utf8')) as RequestList, version, next: 0, wraps: 0 };
      this.positions.set(file, position);
    }
    return new RequestCursor(position);
  }
}

export class RequestCursor {
  private readonly headerSets: Record<string, string>[];
  private readonly total: number;

  constructor(private readonly position: Position) {
    this.headerSets = position.list.headerSets?.length ? position.list.headerSets : [{}];
    this.total = this.headerSets.length * position.list.bodies.length;
  }

  /** Position of the next request in the list. */
  get index(): number {
    return this.position.next;
  }

  get wraps(): number {
    return this.position.wraps;
  }

  next(): NextRequest {
    const k = this.position.next;
    this.position.next += 1;
    if (this.position.next >= this.total) {
      this.position.next = 0;
      this.position.wraps += 1;
    }
    const { bodies } = this.position.list;
    const h = this.headerSets.length;
    return { body: bodies[((k % h) + Math.floor(k / h)) % bodies.length], headers: this.headerSets[k % h] };
  }
}
