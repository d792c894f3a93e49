import { DataSource } from 'typeorm';
import { WalletService } from '../../src/wallet/wallet.service';
import { pollUntil } from '../support/poll';
import { TestApp } from '../support/test-app';
import { Account, beneficiaryInput, countRows, REGISTER_BENEFICIARY } from './accounts';

export const ADMIN = { email: 'admin@example.id', password: 'admin-password-1' };
export const ADMIN_ENV = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };

export const ENROLLMENT_FIELDS = `id status chargedIdr progressPercent completedLessonIds enrolledAt completedAt module { id priceIdr }`;
export const ENROLL = `mutation($moduleId: ID!) { enroll(moduleId: $moduleId) { ${ENROLLMENT_FIELDS} } }`;
export const COMPLETE_LESSON = `mutation($enrollmentId: ID!, $lessonId: ID!) { completeLesson(enrollmentId: $enrollmentId, lessonId: $lessonId) { ${ENROLLMENT_FIELDS} } }`;
export const MY_WALLET = `{ myWallet { balanceIdr creditExhausted entries(first: 100) { id kind amountIdr balanceAfterIdr reference createdAt } } }`;
export const RECORD_SPEND = `mutation($input: RecordCreditSpendInput!) { recordCreditSpend(input: $input) { balanceIdr creditExhausted entries(first: 3) { kind amountIdr balanceAfterIdr reference } } }`;
export const RATE_MODULE = `mutation($input: RateModuleInput!) { rateModule(input: $input) { id rating comment createdAt author { id } module { id ratingAverage ratingCount } } }`;
export const REPORT_MODULE = `mutation($input: ReportModuleInput!) { reportModule(input: $input) { id status reason details resolutionNote resolvedAt module { id } reporter { id } } }`;
export const RESOLVE_REPORT = `mutation($input: ResolveReportInput!) { resolveReport(input: $input) { id status resolutionNote resolvedAt module { id status } reporter { id } } }`;
export const MY_NOTIFICATIONS = `query($unreadOnly: Boolean, $first: Int) { myNotifications(unreadOnly: $unreadOnly, first: $first) { id kind message moduleIds read createdAt } }`;
export const FREE_OPTIONS = `query($first: Int, $like: String) { freeOptionsForMe(first: $first, like: $like) { creditExhausted balanceIdr modules { id title priceIdr status } } }`;

export interface Beneficiary extends Account {
  card: string;
}

export async function registerBeneficiaryWithCard(t: TestApp, override: Record<string, unknown> = {}): Promise<Beneficiary> {
  const input = beneficiaryInput(override);
  const res = await t.gql(REGISTER_BENEFICIARY, { input });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return { id: res.data!.registerBeneficiary.user.id, token: res.data!.registerBeneficiary.accessToken, card: input.prakerjaCardNumber };
}

export async function adminToken(t: TestApp): Promise<string> {
  const res = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: ADMIN.email, p: ADMIN.password });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.login.accessToken;
}

export async function enroll(t: TestApp, token: string, moduleId: string): Promise<Record<string, any>> {
  const res = await t.gql(ENROLL, { moduleId }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.enroll;
}

export async function lessonIdsOf(t: TestApp, token: string, moduleId: string): Promise<string[]> {
  const res = await t.gql(`query($id: ID!) { module(id: $id) { lessons { id } } }`, { id: moduleId }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.module.lessons.map((lesson: { id: string }) => lesson.id);
}

/** For concurrent calls: only the fields the mutation itself answers (no field resolvers running beside it). */
export const RECORD_SPEND_LEAN = `mutation($input: RecordCreditSpendInput!) { recordCreditSpend(input: $input) { balanceIdr creditExhausted } }`;
export const ENROLL_LEAN = `mutation($moduleId: ID!) { enroll(moduleId: $moduleId) { id status chargedIdr } }`;

export async function recordSpend(t: TestApp, adminTokenValue: string, card: string, amountIdr: number, reference: string, query = RECORD_SPEND) {
  return t.gql(query, { input: { prakerjaCardNumber: card, amountIdr, reference } }, adminTokenValue);
}

/** Wallets whose balance is not the sum of their entries (the ledger invariant; expected empty). */
export function ledgerMismatches(t: TestApp) {
  return t.app.get(WalletService).reconcile();
}

/** Row counts of every table but notifications (written later by jobs of earlier calls); see countRows. */
export async function countWrites(db: DataSource): Promise<Record<string, number>> {
  const { notifications: _ignored, ...rest } = await countRows(db);
  return rest;
}

/** Waits until every outbox row has been handed over (in-process: run; BullMQ: queued); a row that gave up is lost work, an error. */
export async function outboxDrained(t: TestApp, timeoutMs = 5_000): Promise<void> {
  await pollUntil(
    async () => {
      const [given] = await t.db.query(`SELECT id, job, last_error FROM outbox_events WHERE failed_at IS NOT NULL ORDER BY id LIMIT 1`);
      if (given) throw new Error(`Outbox row ${given.id} (${given.job}) gave up: ${given.last_error}`);
      const [{ pending }] = await t.db.query(`SELECT count(*)::int AS pending FROM outbox_events WHERE done_at IS NULL AND failed_at IS NULL`);
      return pending === 0 ? true : undefined;
    },
    timeoutMs,
    'the outbox to drain',
  );
}

export interface NotificationView {
  id: string;
  kind: string;
  message: string;
  moduleIds: string[];
  read: boolean;
  createdAt: string;
}

/** Polls the user's notifications until one of `kind` arrives (no sleeps; fails after the deadline). */
export async function waitForNotification(t: TestApp, token: string, kind: string, timeoutMs = 10_000, matches: (n: NotificationView) => boolean = () => true): Promise<NotificationView> {
  const { value } = await pollUntil(
    async () => {
      const res = await t.gql(MY_NOTIFICATIONS, { first: 100 }, token);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return (res.data!.myNotifications as NotificationView[]).find((n) => n.kind === kind && matches(n));
    },
    timeoutMs,
    `a ${kind} notification`,
  );
  return value;
}
