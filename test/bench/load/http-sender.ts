import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';

export interface SentRequest {
  status: number;
  body: string;
}

/** Keep-alive connections for the plain clients: each request in flight has one of its own, reused once answered. */
export function keepAliveAgent(maxConnections: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: maxConnections, maxFreeSockets: maxConnections, scheduling: 'lifo' });
}

/**
 * POSTs `body` over `agent`; resolves with the status and body, rejects on a
 * socket error or after `timeoutMs`. `onSocket` is called once a connection
 * is assigned (the request leaves as soon as it is connected).
 */
export function postJson(agent: Agent, url: URL, body: string, headers: Record<string, string>, timeoutMs: number, onSocket?: (socket: Socket) => void): Promise<SentRequest> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers }, timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      },
    );
    if (onSocket) outgoing.once('socket', onSocket);
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Why a response counts as failed, or undefined when it succeeded (a GraphQL "errors" member fails it, as in the autocannon runs). */
export function failureOf(response: SentRequest, graphql: boolean): string | undefined {
  if (response.status < 200 || response.status >= 300) return `HTTP ${response.status}: ${response.body.slice(0, 300)}`;
  if (graphql && response.body.includes('"errors"')) return response.body.slice(0, 500);
  return undefined;
}
