import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestIdOf } from './request-id';

const call = (header?: string) => {
  const headers: Record<string, string> = {};
  const res = { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as ServerResponse;
  const id = requestIdOf({ headers: header === undefined ? {} : { 'x-request-id': header } } as IncomingMessage, res);
  return { id, echoed: headers['X-Request-Id'] };
};

describe('requestIdOf', () => {
  it('keeps a well-formed incoming id and echoes it', () => {
    expect(call('proxy-7f3a9c21')).toEqual({ id: 'proxy-7f3a9c21', echoed: 'proxy-7f3a9c21' });
  });

  it.each([undefined, 'short', 'has spaces in it', 'x'.repeat(129), '{"injected":true}', 'line\nbreak-0000'])('replaces %j with a fresh UUID', (header) => {
    const { id, echoed } = call(header);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(echoed).toBe(id);
  });
});
