import { Role } from './role';

/** The authenticated caller, as proven by the bearer token. */
export interface Viewer {
  id: string;
  role: Role;
}

export const isCurator = (viewer: Viewer | null | undefined): boolean => viewer?.role === Role.CURATOR || viewer?.role === Role.ADMIN;
