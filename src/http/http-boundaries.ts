import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Role } from '../auth/role';
import { SessionCheck } from '../auth/session-check';
import { AppConfig } from '../config/config';
import { jsonBodyParser } from './body-limits';

/**
 * What every HTTP request passes before any route: the client address
 * (TRUST_PROXY), security headers, the CORS allow-list and the body limits.
 */
export function applyHttpBoundaries(app: NestExpressApplication, config: AppConfig): void {
  app.set('trust proxy', config.trustProxy);
  // Outside production GraphiQL loads its scripts from a CDN, which a CSP would block; the API itself serves JSON.
  app.use(helmet({ contentSecurityPolicy: config.isProduction ? undefined : false }));
  // No CORS headers at all without an allow-list: browsers then allow same-origin calls only.
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, methods: ['GET', 'POST'], maxAge: 600 });
  const sessions = app.get(SessionCheck);
  const isContributor = async (authorization: string) => (await sessions.authenticate(authorization))?.viewer.role === Role.CONTRIBUTOR;
  app.use(jsonBodyParser(config.limits, isContributor));
}
