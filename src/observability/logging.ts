import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream, Level } from 'pino';
import { AppConfig } from '../config/config';
import { requestIdOf } from './request-id';
import { REDACTED } from './scrub';

/** Nest's level names (LOG_LEVEL) in pino's terms. */
const PINO_LEVEL: Record<AppConfig['logLevel'], Level> = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

/**
 * Belt and braces behind the serializers below, which already leave headers
 * and bodies out: what must never be written whatever a log call passes.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.accessToken',
  '*.token',
  '*.jwtSecret',
  '*.prakerjaCardNumber',
  'variables.*.password',
  'variables.*.prakerjaCardNumber',
];

/** Scrapes and probes would drown the request log; their failures still show as errors. */
const QUIET_PATHS = new Set(['/metrics', '/health/live', '/health/ready']);

/**
 * nestjs-pino's settings: JSON lines (pretty only for a person at a terminal
 * in development), LOG_LEVEL, a request id on every line of a request, the
 * request itself logged as method, path and status only.
 */
export function loggerParams(config: AppConfig, destination?: DestinationStream): Params {
  const pretty = config.env === 'development' && process.stdout.isTTY && !destination;
  return {
    assignResponse: true,
    pinoHttp: {
      level: PINO_LEVEL[config.logLevel],
      genReqId: requestIdOf,
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: {
        req: (req: IncomingMessage & { originalUrl?: string }) => ({ method: req.method, path: (req.originalUrl ?? req.url ?? '').split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => QUIET_PATHS.has((req.url ?? '').split('?')[0]) },
      ...(pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true } } } : {}),
      ...(destination ? { stream: destination } : {}),
    },
  };
}
