import { DataSource } from 'typeorm';
import { TestApp } from '../support/test-app';

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(++sequence).toString(36)}`;

export const REGISTER_CONTRIBUTOR = `mutation($input: RegisterContributorInput!) {
  registerContributor(input: $input) { accessToken user { id email role displayName contributorKind organizationName } }
}`;
export const REGISTER_BENEFICIARY = `mutation($input: RegisterBeneficiaryInput!) {
  registerBeneficiary(input: $input) { accessToken user { id email role displayName } }
}`;

export function contributorInput(override: Record<string, unknown> = {}) {
  const id = next();
  return { email: `kontributor-${id}@example.id`, password: 'rahasia-kuat-123', displayName: `Kontributor ${id}`, kind: 'INDIVIDUAL', ...override } as Record<string, any>;
}

export function beneficiaryInput(override: Record<string, unknown> = {}) {
  const id = next();
  const card = String(Math.floor(Math.random() * 1e15)).padStart(15, '0');
  return {
    email: `peserta-${id}@example.id`,
    password: 'rahasia-kuat-123',
    displayName: `Peserta ${id}`,
    prakerjaCardNumber: `3${card}`,
    interests: ['pemasaran digital'],
    ...override,
  } as Record<string, any>;
}

export interface Account {
  id: string;
  token: string;
}

export async function registerContributor(t: TestApp, override: Record<string, unknown> = {}): Promise<Account> {
  const res = await t.gql(REGISTER_CONTRIBUTOR, { input: contributorInput(override) });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { id: res.data!.registerContributor.user.id, token: res.data!.registerContributor.accessToken };
}

export async function registerBeneficiary(t: TestApp, override: Record<string, unknown> = {}): Promise<Account> {
  const res = await t.gql(REGISTER_BENEFICIARY, { input: beneficiaryInput(override) });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { id: res.data!.registerBeneficiary.user.id, token: res.data!.registerBeneficiary.accessToken };
}

/** A curator (created through the admin configured by startTestApp's ADMIN_* env). */
export async function createCurator(t: TestApp, adminEmail = 'admin@example.id', adminPassword = 'admin-password-1'): Promise<Account> {
  const admin = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: adminEmail, p: adminPassword });
  const id = next();
  const input = { email: `kurator-${id}@example.id`, password: 'rahasia-kurator-1', displayName: `Kurator ${id}` };
  const created = await t.gql(`mutation($i: CreateCuratorInput!) { createCurator(input: $i) { id } }`, { i: input }, admin.data!.login.accessToken);
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const login = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: input.email, p: input.password });
  return { id: created.data!.createCurator.id, token: login.data!.login.accessToken };
}

/** Row counts of every application table, to show that a refused call wrote nothing. */
export async function countRows(db: DataSource): Promise<Record<string, number>> {
  const tables: { tablename: string }[] = await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM "${tablename}"`);
    counts[tablename] = count;
  }
  return counts;
}
