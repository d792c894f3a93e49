import type { SearchRequest } from '../../src/search/search-engine.port';
import type { BeneficiaryAccount } from '../bench/scenarios/accounts';

/** A module the curator will decide on: seeded IN_REVIEW, or created and submitted by a contributor during the load. */
export interface ReviewCandidate {
  id: string;
  version: number;
  /** A word only this module's title holds, to find it by search. */
  word: string;
}

export interface Beneficiary extends BeneficiaryAccount {
  /** The balance as this client last learned it (it alone spends from this wallet). */
  knownBalanceIdr: number;
  enrollments: Map<string, { enrollmentId: string; remainingLessonIds: string[] }>;
  /** Spends the API accepted, for deliberate repeats. */
  spends: { reference: string; amountIdr: number }[];
}

/** Everything the simulated users share: accounts, targets, and what the API accepted (checked after the load). */
export interface World {
  beneficiaries: Beneficiary[];
  contributorTokens: string[];
  curatorToken: string;
  adminToken: string;
  /** Search requests, most popular first (drawn with Zipf frequencies). */
  searches: SearchRequest[];
  /** PUBLISHED modules to read and enrol in, most popular first; each title holds a word of its own. */
  modules: { id: string; slug: string; word: string }[];
  /** IN_REVIEW modules waiting for the curator, oldest first. */
  reviewQueue: ReviewCandidate[];
  accepted: AcceptedWrites;
}

/** Writes the API answered with success: each must be in the database after the load, exactly once. */
export interface AcceptedWrites {
  enrollments: { userId: string; moduleId: string; enrollmentId: string }[];
  completions: { enrollmentId: string; lessonId: string }[];
  createdModules: { id: string; word: string }[];
  decisions: { moduleId: string; word: string; decision: 'APPROVE' | 'REQUEST_CHANGES'; version: number }[];
  spends: { userId: string; reference: string; amountIdr: number; repeat: boolean }[];
}

export function emptyAcceptedWrites(): AcceptedWrites {
  return { enrollments: [], completions: [], createdModules: [], decisions: [], spends: [] };
}
