import { InitialSchema1764300000000 } from './1764300000000-initial-schema';

/** Every migration, in order. Listed explicitly so bundlers and Jest need no glob. */
export const migrations = [InitialSchema1764300000000];
