import { ErrorCode } from './domain-error';

/**
 * A dependency a request needs is down (the search engine). Unlike a DomainError, `message` says what
 * failed for logs and the outbox (an address, a refusal) and never reaches a client: the error mapper
 * answers with `code` and the fixed `clientMessage`.
 */
export class UnavailableError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly clientMessage: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
