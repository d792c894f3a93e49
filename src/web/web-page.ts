import { applyDecorators, CallHandler, CanActivate, Controller, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { Observable } from 'rxjs';
import { Role } from '../auth/role';
import { forbidden, unauthenticated } from '../common/domain-error';
import { WebExceptionFilter } from './web-exception.filter';
import { WebRequest } from './web-request';

/** HTML, never stored: pages carry personal data and phones are shared (the back button after signing out shows nothing). */
@Injectable()
class HtmlPageInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    res.type('html');
    res.setHeader('Cache-Control', 'no-store');
    return next.handle();
  }
}

/** A feature's page controller: HTML responses, failures as pages (WebExceptionFilter). */
export const WebController = (prefix = '') => applyDecorators(Controller(prefix), UseFilters(WebExceptionFilter), UseInterceptors(HtmlPageInterceptor));

const PAGE_ROLES = 'web:roles';

@Injectable()
class SignedInGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const viewer = context.switchToHttp().getRequest<WebRequest>().web.session?.viewer;
    if (!viewer) throw unauthenticated();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(PAGE_ROLES, [context.getHandler(), context.getClass()]) ?? [];
    if (roles.length > 0 && !roles.includes(viewer.role)) throw forbidden();
    return true;
  }
}

/** The page needs a signed-in viewer (one of `roles` when given): otherwise /masuk, and back here after signing in; a wrong role is 403. */
export const SignedIn = (...roles: Role[]) => applyDecorators(SetMetadata(PAGE_ROLES, roles), UseGuards(SignedInGuard));
