/** The error codes of the public contract (schema.graphql header). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  SEARCH_UNAVAILABLE = 'SEARCH_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface FieldError {
  field: string;
  message: string;
}

/**
 * An expected failure of a domain rule. Services throw these; the GraphQL
 * error mapper turns them into errors with extensions.code. Messages are
 * written for API clients and never contain internals.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** RATE_LIMITED, with the seconds after which the same attempt would be accepted. */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message = `Too many attempts; retry in ${retryAfterSeconds} s`,
  ) {
    super(ErrorCode.RATE_LIMITED, message);
  }
}

export const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new DomainError(ErrorCode.FORBIDDEN, message);
export const conflict = (message: string) => new DomainError(ErrorCode.CONFLICT, message);
export const unauthenticated = (message = 'Authentication required') => new DomainError(ErrorCode.UNAUTHENTICATED, message);
export const badInput = (field: string, message: string) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, `Invalid input: ${field} ${message}`.trim(), [{ field, message }]);
