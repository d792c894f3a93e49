import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { DomainError, ErrorCode } from '../common/domain-error';
import { RequestContext } from '../graphql/request-context';

/**
 * Limits login and registration attempts per client address (password
 * guessing, account farming). Refusals are RATE_LIMITED.
 */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext) {
    const { req } = GqlExecutionContext.create(context).getContext<RequestContext>();
    return { req, res: req.res! };
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new DomainError(ErrorCode.RATE_LIMITED, `Too many attempts; retry in ${Math.ceil(detail.timeToBlockExpire || detail.timeToExpire)} s`);
  }
}
