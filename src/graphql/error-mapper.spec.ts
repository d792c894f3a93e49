import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../common/domain-error';
import { UnavailableError } from '../common/unavailable-error';
import { formatGraphQLError } from './error-mapper';

/** What TypeORM throws when PostgreSQL refuses a text parameter holding U+0000. */
const nulRefusal = () => Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { driverError: { code: '22021' } });

describe('formatGraphQLError', () => {
  it('answers BAD_USER_INPUT, not a 500, when PostgreSQL refuses a NUL character in the input', () => {
    const error = new GraphQLError('invalid byte sequence for encoding "UTF8": 0x00', { path: ['login'], originalError: nulRefusal() });
    const formatted = formatGraphQLError({ message: error.message, path: ['login'] }, error);
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [] });
    expect(formatted.message).not.toMatch(/byte sequence|UTF8/);
  });

  it('answers BAD_USER_INPUT for a request Apollo refuses with HTTP 400 but no code (a persisted-query hash that does not match)', () => {
    const error = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400, headers: new Map() } } });
    expect(formatGraphQLError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error).extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [] });
  });

  it('answers a dependency that is down with its code and client message, never the message meant for the logs', () => {
    const original = new UnavailableError(ErrorCode.SEARCH_UNAVAILABLE, 'Search is temporarily unavailable; retry later', 'connect ECONNREFUSED 10.0.0.7:7700');
    const error = new GraphQLError(original.message, { path: ['searchModules'], originalError: original });
    expect(formatGraphQLError({ message: error.message, path: ['searchModules'] }, error)).toEqual({
      message: 'Search is temporarily unavailable; retry later',
      path: ['searchModules'],
      extensions: { code: 'SEARCH_UNAVAILABLE' },
    });
  });

  it('still masks other database failures as INTERNAL_SERVER_ERROR', () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const original = Object.assign(new Error('relation "x" does not exist'), { driverError: { code: '42P01' } });
    const error = new GraphQLError(original.message, { path: ['categories'], originalError: original });
    expect(formatGraphQLError({ message: error.message, path: ['categories'] }, error)).toEqual({ message: 'Internal server error', path: ['categories'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it.each([
    ['a terminated backend', Object.assign(new Error('terminating connection due to administrator command'), { driverError: { code: '57P01' } })],
    ['a connection node-postgres saw end', new Error('Connection terminated unexpectedly')],
  ])('answers a retryable error, without internals, when the database connection is lost (%s)', (_case, original) => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = new GraphQLError(original.message, { path: ['enroll'], originalError: original });
    expect(formatGraphQLError({ message: error.message, path: ['enroll'] }, error)).toEqual({
      message: 'The database connection was lost during the request; retry it.',
      path: ['enroll'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: true },
    });
  });
});
