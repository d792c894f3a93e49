import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from '../graphql/request-context';
import { Role } from './role';

export const ROLES_KEY = 'roles';

/** Requires an authenticated caller with one of `roles` (any role when none is given). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated Viewer (or null on public operations). */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return GqlExecutionContext.create(context).getContext<RequestContext>().viewer;
});

/** The caller's session (viewer and token id), or undefined on an anonymous request. */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return GqlExecutionContext.create(context).getContext<RequestContext>().session;
});
