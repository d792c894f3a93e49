import type { SeededCatalogue } from '../catalogue/seed-catalogue';
import { graphqlBody, type GraphQLClient } from '../load/graphql-client';
import { writeRequests, type MeasuredLoad } from '../load/load-generator';
import { forEachConcurrently, registerBeneficiary } from './accounts';
import type { LoadContext } from './http-load';

const ENROLL = `mutation($moduleId: ID!) { enroll(moduleId: $moduleId) { id status chargedIdr } }`;
/** registerBeneficiary hashes a password (argon2id, 19 MiB): a few at a time. */
const REGISTRATION_CONCURRENCY = 4;

export interface EnrolFigures {
  beneficiaries: number;
  distinctPairs: number;
  load: MeasuredLoad;
}

/**
 * Beneficiaries registered through the API enrol in distinct published
 * modules (Rp0 and Rp1) at the load's concurrency, each request with its
 * own beneficiary's token.
 */
export async function measureEnrol(client: GraphQLClient, context: LoadContext, graphqlUrl: string, catalogue: SeededCatalogue, beneficiaries: number): Promise<EnrolFigures> {
  const tokens = await forEachConcurrently(beneficiaries, REGISTRATION_CONCURRENCY, (index) => registerBeneficiary(client, index));
  const modules = catalogue.enrolTargets;
  // Every (beneficiary, module) pair once before any repeats; concurrent requests hit different wallets and modules (see RequestList).
  const requestsFile = writeRequests(context.workDir, 'enrol', {
    bodies: modules.map((module) => graphqlBody(ENROLL, { moduleId: module.id })),
    headerSets: tokens.map((token) => ({ authorization: `Bearer ${token}` })),
  });
  const distinctPairs = tokens.length * modules.length;
  const load = await context.generator.measure({ url: graphqlUrl, method: 'POST', connections: context.connections, requestsFile, graphql: true }, context.plan, context.apiPid);
  return { beneficiaries: tokens.length, distinctPairs, load };
}
