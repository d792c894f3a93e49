import { Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode, FieldError, RateLimitedError } from '../common/domain-error';
import { connectionLost, nulCharacterRefused } from '../common/postgres-errors';
import { UnavailableError } from '../common/unavailable-error';

const logger = new Logger('GraphQLErrors');

/** Codes that Apollo/graphql-js raise for requests that are malformed or invalid. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/**
 * Names the input field of a graphql-js coercion message, e.g.
 * 'Variable "$input" got invalid value 2.5 at "input.priceIdr"; ...' -> priceIdr,
 * 'Field "priceIdr" of required type "Int!" was not provided.' -> priceIdr.
 */
export function fieldOfCoercionMessage(message: string): string | undefined {
  const at = /got invalid value .*? at "([^"]+)"/.exec(message);
  const missing = /Field "([^"]+)" of required type "[^"]+" was not provided/.exec(message);
  const unknown = /Field "([^"]+)" is not defined by type/.exec(message);
  const path = at?.[1] ?? undefined;
  if (path) {
    const parts = path.split('.');
    const tail = parts.slice(1).join('.');
    return missing ? [tail, missing[1]].filter(Boolean).join('.') : tail || parts[0];
  }
  return missing?.[1] ?? unknown?.[1];
}

/** Apollo refuses some malformed requests (a persisted-query hash or version it cannot use) with an HTTP 4xx status and no code. */
function refusedWithoutCode(error: unknown): boolean {
  const status = (error as { extensions?: { http?: { status?: number } } })?.extensions?.http?.status;
  return status !== undefined && status >= 400 && status < 500;
}

/**
 * The one place where failures become GraphQL errors: every error leaves with
 * one of the contract's codes; unexpected ones are logged and masked so no
 * stack trace, SQL or internal name reaches a client.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    const extensions: Record<string, unknown> = { code: original.code };
    if (original.code === ErrorCode.BAD_USER_INPUT) extensions.fields = original.fields ?? [];
    if (original instanceof RateLimitedError) extensions.retryAfterSeconds = original.retryAfterSeconds;
    return { ...base, message: original.message, extensions };
  }
  if (original instanceof UnavailableError) {
    return { ...base, message: original.clientMessage, extensions: { code: original.code } };
  }
  if (nulCharacterRefused(original)) {
    // Any text argument may carry U+0000, which PostgreSQL refuses wherever it meets it.
    return { ...base, message: 'Invalid input: text must not contain the NUL character (U+0000)', extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [] } };
  }
  if (connectionLost(original)) {
    // No contract code says "retry"; the extension does, and the message tells a person.
    logger.warn(`Database connection lost during ${formatted.path?.join('.') ?? 'a request'}: ${(original as Error)?.message}`);
    return { message: 'The database connection was lost during the request; retry it.', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, retryable: true } };
  }
  const code = formatted.extensions?.code;
  if ((typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) || refusedWithoutCode(error)) {
    const field = fieldOfCoercionMessage(formatted.message);
    const fields: FieldError[] = field ? [{ field, message: formatted.message }] : [];
    return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT, fields } };
  }
  logger.error(formatted.message, (original as Error)?.stack);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
