import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from '../graphql/request-context';
import { clientAddress } from './client-address';
import { ThrottleService } from './throttle.service';

/** Registrations per client address (account farming); every attempt counts. */
@Injectable()
export class RegistrationThrottleGuard implements CanActivate {
  constructor(private readonly throttles: ThrottleService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { req } = GqlExecutionContext.create(context).getContext<RequestContext>();
    await this.throttles.consumeRegistration(clientAddress(req));
    return true;
  }
}
