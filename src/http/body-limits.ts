import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json } from 'express';
import { DomainError, ErrorCode } from '../common/domain-error';
import { RequestLimits } from '../config/config';
import { formatGraphQLError } from '../graphql/error-mapper';
import { jsonNestsDeeperThan } from './json-depth';

/** GraphQL requests nest 5 or 6 levels (variables.items[].lessons[]); 32 leaves room and stops pathological input. */
export const JSON_MAX_DEPTH = 32;

/** Requests whose body was larger than the ordinary limit: only importModules may be (checked once the operation is known). */
const largeBodies = new WeakSet<Request>();
export const hasLargeBody = (req: Request): boolean => largeBodies.has(req);

interface BodyParserError extends Error {
  status?: number;
  type?: string;
  limit?: number;
}

class TooDeepError extends Error {
  readonly status = 400;
  readonly type = 'json.too.deep';
}

function refusalMessage(error: BodyParserError, limits: RequestLimits): string {
  switch (error.type) {
    case 'entity.too.large':
      return `Request body too large: at most ${limits.bodyBytes} bytes (importModules sent by a contributor: ${limits.importBodyBytes})`;
    case 'entity.parse.failed':
      return 'Request body is not valid JSON (an object or an array)';
    case 'json.too.deep':
      return `Request body nests deeper than ${JSON_MAX_DEPTH} levels`;
    default:
      return 'Request body could not be read';
  }
}

/**
 * The JSON body parser with two limits: the ordinary one for everyone, the
 * import one for a request that declares a larger body and carries a
 * CONTRIBUTOR's token (one signature check and a cached session read, before
 * any byte of the body is read). Refusals are GraphQL-shaped JSON with a
 * contract code and the parser's HTTP status (413 too large, 400 malformed).
 */
export function jsonBodyParser(limits: RequestLimits, isContributor: (authorization: string) => Promise<boolean>): RequestHandler {
  const verify = (req: Request, _res: Response, body: Buffer) => {
    if (jsonNestsDeeperThan(body, JSON_MAX_DEPTH)) throw new TooDeepError();
    if (body.length > limits.bodyBytes) largeBodies.add(req);
  };
  const ordinary = json({ limit: limits.bodyBytes, strict: true, verify });
  const importing = json({ limit: limits.importBodyBytes, strict: true, verify });

  return (req: Request, res: Response, next: NextFunction) => {
    const declared = Number(req.headers['content-length']);
    const mayExceed = !(declared <= limits.bodyBytes);
    const authorization = req.headers.authorization;
    const choose = mayExceed && authorization ? isContributor(authorization).catch(() => false) : Promise.resolve(false);
    void choose.then((contributor) =>
      (contributor ? importing : ordinary)(req, res, (error?: unknown) => {
        if (!error) return next();
        const failure = error as BodyParserError;
        const message = refusalMessage(failure, limits);
        res.status(failure.status ?? 400).json({ errors: [formatGraphQLError({ message }, new DomainError(ErrorCode.BAD_USER_INPUT, message))] });
      }),
    );
  };
}
