import type { Request } from 'express';
import { Viewer } from '../auth/viewer';
import { DomainError } from '../common/domain-error';
import { Loaders } from './loaders';

/** What every resolver of one request shares. */
export interface RequestContext {
  req: Request;
  viewer: Viewer | null;
  /** Set when the request carried a bad token; the guard refuses the operation with it. */
  authError?: DomainError;
  loaders: Loaders;
}
