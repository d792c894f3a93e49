import { randomBytes } from 'node:crypto';
import type { GraphQLClient } from '../load/graphql-client';
import { ADMIN } from '../processes/api-process';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;
const PASSWORD = 'bench-password-123';
const runTag = randomBytes(3).toString('hex');
let sequence = 0;
const nextTag = () => `${runTag}-${(sequence += 1)}`;

export async function login(client: GraphQLClient, email: string, password: string): Promise<string> {
  return (await client.call<{ login: { accessToken: string } }>(LOGIN, { email, password })).login.accessToken;
}

/** A curator created by the admin of ADMIN_EMAIL/ADMIN_PASSWORD; returns the curator's token. */
export async function createCurator(client: GraphQLClient): Promise<string> {
  const adminToken = await login(client, ADMIN.email, ADMIN.password);
  const email = `kurator-${nextTag()}@bench.example.id`;
  await client.call(`mutation($input: CreateCuratorInput!) { createCurator(input: $input) { id } }`, { input: { email, password: PASSWORD, displayName: 'Kurator Bench' } }, adminToken);
  return login(client, email, PASSWORD);
}

export async function registerContributor(client: GraphQLClient): Promise<string> {
  const input = { email: `kontributor-${nextTag()}@bench.example.id`, password: PASSWORD, displayName: 'Kontributor Bench', kind: 'ORGANIZATION', organizationName: 'LPK Bench Nusantara' };
  const data = await client.call<{ registerContributor: { accessToken: string } }>(
    `mutation($input: RegisterContributorInput!) { registerContributor(input: $input) { accessToken } }`,
    { input },
  );
  return data.registerContributor.accessToken;
}

export async function registerBeneficiary(client: GraphQLClient, index: number): Promise<string> {
  return (await registerBeneficiaryAccount(client, index)).token;
}

export interface BeneficiaryAccount {
  userId: string;
  token: string;
  /** Its Prakerja card number (what recordCreditSpend names). */
  cardNumber: string;
}

export async function registerBeneficiaryAccount(client: GraphQLClient, index: number): Promise<BeneficiaryAccount> {
  const cardNumber = `9${String(Date.now() % 1e9).padStart(9, '0')}${String(index).padStart(6, '0')}`;
  const input = { email: `peserta-${nextTag()}@bench.example.id`, password: PASSWORD, displayName: `Peserta Bench ${index}`, prakerjaCardNumber: cardNumber, interests: ['pemasaran digital'] };
  const data = await client.call<{ registerBeneficiary: { accessToken: string; user: { id: string } } }>(
    `mutation($input: RegisterBeneficiaryInput!) { registerBeneficiary(input: $input) { accessToken user { id } } }`,
    { input },
  );
  return { userId: data.registerBeneficiary.user.id, token: data.registerBeneficiary.accessToken, cardNumber };
}

/** Runs `work` for 0..count-1 with at most `concurrency` calls in flight. */
export async function forEachConcurrently<T>(count: number, concurrency: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await work(index);
      }
    }),
  );
  return results;
}
