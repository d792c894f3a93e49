import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { catchError, defer, mergeMap, Observable } from 'rxjs';
import { DomainError, ErrorCode } from '../common/domain-error';
import { RequestContext } from '../graphql/request-context';
import { clientAddress } from './client-address';
import { ThrottleService } from './throttle.service';

/**
 * Around login: refused before the password is checked once the account or
 * the address has used up its failures; a wrong email or password counts
 * against both, a success forgives its own address's failures.
 */
@Injectable()
export class LoginThrottleInterceptor implements NestInterceptor {
  constructor(private readonly throttles: ThrottleService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const gql = GqlExecutionContext.create(context);
    const email = String(gql.getArgs<{ email?: unknown }>().email ?? '');
    const address = clientAddress(gql.getContext<RequestContext>().req);
    await this.throttles.assertLoginAllowed(email, address);
    return next.handle().pipe(
      mergeMap(async (session: unknown) => {
        await this.throttles.recordLoginSuccess(email, address);
        return session;
      }),
      catchError((error: unknown) =>
        defer(async () => {
          if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED) await this.throttles.recordLoginFailure(email, address);
          throw error;
        }),
      ),
    );
  }
}
