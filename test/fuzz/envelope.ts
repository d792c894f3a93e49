import fc from 'fast-check';
import { RenderedOperation } from './render-operation';

/** How an operation travels: a plain POST, or wrapped in what clients may also send (persisted-query hashes, names, batches, GET). */
export type Envelope =
  | { kind: 'plain' }
  | { kind: 'persistedQuery'; version: unknown; sha256Hash: unknown }
  | { kind: 'operationName'; operationName: unknown }
  | { kind: 'batch' }
  | { kind: 'get' };

export const envelopeArbitrary: fc.Arbitrary<Envelope> = fc.oneof(
  { arbitrary: fc.constant<Envelope>({ kind: 'plain' }), weight: 40 },
  { arbitrary: fc.record({ kind: fc.constant('persistedQuery' as const), version: fc.constantFrom(1, 2, '1', null), sha256Hash: fc.constantFrom('abc', 'f'.repeat(64), "' OR 1=1 --", 42) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('operationName' as const), operationName: fc.constantFrom('Other', 7, '', null, "' OR 1=1 --") }), weight: 1 },
  { arbitrary: fc.constant<Envelope>({ kind: 'batch' }), weight: 1 },
  { arbitrary: fc.constant<Envelope>({ kind: 'get' }), weight: 1 },
);

/** Past this a GET's URL is refused by Node's HTTP parser (431), before the application sees it: sent as a POST instead. */
const MAX_URL = 8_000;

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Path and query string under the server's base URL. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export function httpRequest(rendered: RenderedOperation, envelope: Envelope): HttpRequest {
  const headers: Record<string, string> = rendered.token ? { authorization: `Bearer ${rendered.token}` } : {};
  const payload: Record<string, unknown> = { query: rendered.query, variables: rendered.variables };
  if (envelope.kind === 'get') {
    const path = `/graphql?${new URLSearchParams({ query: rendered.query, variables: JSON.stringify(rendered.variables) })}`;
    // Apollo's CSRF prevention wants this header on a GET; without it the request is refused, which plain POSTs never test.
    if (path.length <= MAX_URL) return { method: 'GET', path, headers: { ...headers, 'apollo-require-preflight': 'true' } };
  }
  if (envelope.kind === 'persistedQuery') payload.extensions = { persistedQuery: { version: envelope.version, sha256Hash: envelope.sha256Hash } };
  if (envelope.kind === 'operationName') payload.operationName = envelope.operationName;
  const body = JSON.stringify(envelope.kind === 'batch' ? [payload, payload] : payload);
  return { method: 'POST', path: '/graphql', headers: { ...headers, 'content-type': 'application/json' }, body };
}
