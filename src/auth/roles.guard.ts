import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { forbidden, unauthenticated } from '../common/domain-error';
import { RequestContext } from '../graphql/request-context';
import { Role } from './role';
import { ROLES_KEY } from './roles.decorator';

/**
 * Global guard for GraphQL operations: a bad token is refused everywhere;
 * operations marked with @Roles need a caller with one of those roles.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
    if (ctx.authError) throw ctx.authError;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    if (!ctx.viewer) throw unauthenticated();
    if (roles.length > 0 && !roles.includes(ctx.viewer.role)) {
      throw forbidden(`This operation is for ${roles.join(' or ')} accounts`);
    }
    return true;
  }
}
