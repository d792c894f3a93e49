/**
 * The HTTP ceiling: a bare node:http server answering every request, after
 * reading its body, with the same 1 KiB JSON document. Nothing an HTTP API
 * does on this machine can be faster. Prints {"port": ...} once listening.
 */
import { createServer } from 'node:http';

const BODY = Buffer.from(
  JSON.stringify({ data: { padding: 'x'.repeat(1024 - JSON.stringify({ data: { padding: '' } }).length) } }),
);
if (BODY.length !== 1024) throw new Error(`ceiling body is ${BODY.length} bytes`);

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': BODY.length });
    response.end(BODY);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
