import { InitialSchema1764300000000 } from './1764300000000-initial-schema';
import { OutboxAndReindexJobs1764400000000 } from './1764400000000-outbox';
import { ModuleImports1764600000000 } from './1764600000000-module-imports';
import { CategoryCounts1764700000000 } from './1764700000000-category-counts';
import { Learning1764500000000 } from './1764500000000-learning';
import { ModuleRevisions1764800000000 } from './1764800000000-module-revisions';
import { Sessions1764810000000 } from './1764810000000-sessions';
import { PlainTextFields1764820000000 } from './1764820000000-plain-text-fields';
import { OutboxFencing1764850000000 } from './1764850000000-outbox-fencing';
import { SpendDescriptions1764860000000 } from './1764860000000-spend-descriptions';
import { Quizzes1764880000000 } from './1764880000000-quizzes';
import { VerifiedCompletion1764890000000 } from './1764890000000-verified-completion';
import { EnrolFunction1764910000000 } from './1764910000000-enrol-function';
import { ModuleStateNotify1764930000000 } from './1764930000000-module-state-notify';

/** Every migration, in order. Listed explicitly so bundlers and Jest need no glob. */
export const migrations = [InitialSchema1764300000000, OutboxAndReindexJobs1764400000000, ModuleImports1764600000000, Learning1764500000000, CategoryCounts1764700000000, ModuleRevisions1764800000000, Sessions1764810000000, PlainTextFields1764820000000, OutboxFencing1764850000000, SpendDescriptions1764860000000, Quizzes1764880000000, VerifiedCompletion1764890000000, EnrolFunction1764910000000, ModuleStateNotify1764930000000];
