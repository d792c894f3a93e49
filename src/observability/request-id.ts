import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a caller's (or proxy's) id may look like: short, no spaces or control characters, nothing a log reader could mistake for structure. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request's id: the incoming X-Request-Id when well-formed, else a fresh UUID; echoed in the response header. */
export function requestIdOf(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && WELL_FORMED.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}
