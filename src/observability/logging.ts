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
 * and bodies out, and the variables scrubber: keys our own log calls could
 * carry. No wildcards: a wildcard path costs on every line (measured).
 */
export const REDACT_PATHS = ['password', 'accessToken', 'token', 'authorization', 'jwtSecret', 'prakerjaCardNumber', 'variables.password', 'variables.prakerjaCardNumber', 'variables.input.password', 'variables.input.prakerjaCardNumber'];

/**
 * Where a request's GraphQL operation name is kept: on the request's pino
 * logger itself, read by `mixin` for each line written. Cheaper than a child
 * logger per request (measured: see decisions.md), and every logger derived
 * from it sees it through the prototype chain.
 */
export const OPERATION = Symbol('graphqlOperation');

/** Marks every later line of the request `logger` writes with the operation name. */
export function bindOperation(logger: object | undefined, name: string): void {
  if (logger) (logger as Record<symbol, string>)[OPERATION] = name;
}

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
    pinoHttp: {
      level: PINO_LEVEL[config.logLevel],
      genReqId: requestIdOf,
      // One child logger per request (bound to its id) for its lines and its "request completed" line alike.
      quietReqLogger: true,
      quietResLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
      mixin: (_merge: object, _level: number, logger: object) => {
        const operation = (logger as Record<symbol, string | undefined>)[OPERATION];
        return operation === undefined ? {} : { operation };
      },
      customSuccessObject: (req, _res, value: object) => ({ req, ...value }),
      customErrorObject: (req, _res, _error, value: object) => ({ req, ...value }),
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
