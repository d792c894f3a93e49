import type { Request } from 'express';

/** The client's address as Express derives it (through TRUST_PROXY's proxies). */
export const clientAddress = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';
