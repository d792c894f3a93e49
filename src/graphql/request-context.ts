import type { Request } from 'express';
import { ViewerSession } from '../auth/session-check';
import { Viewer } from '../auth/viewer';
import { DomainError } from '../common/domain-error';
import { Loaders } from './loaders';

/** What every resolver of one request shares. */
export interface RequestContext {
  req: Request;
  viewer: Viewer | null;
  /** The token the viewer came with (logout ends it). */
  session?: ViewerSession;
  /** Set when the request carried a bad token; the guard refuses the operation with it. */
  authError?: DomainError;
  loaders: Loaders;
}
