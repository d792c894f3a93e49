import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { from, lastValueFrom, Observable } from 'rxjs';
import { RequestContext } from '../graphql/request-context';
import { clientAddress } from './client-address';
import { ThrottleService } from './throttle.service';

/** The login mutation under ThrottleService.guardLogin (the web page's login goes through the same rule). */
@Injectable()
export class LoginThrottleInterceptor implements NestInterceptor {
  constructor(private readonly throttles: ThrottleService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const gql = GqlExecutionContext.create(context);
    const email = String(gql.getArgs<{ email?: unknown }>().email ?? '');
    const address = clientAddress(gql.getContext<RequestContext>().req);
    return from(this.throttles.guardLogin(email, address, () => lastValueFrom(next.handle())));
  }
}
