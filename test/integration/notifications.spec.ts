import { randomUUID } from 'node:crypto';
import { NotificationKind } from '../../src/notifications/notification-kind';
import { NotifyPayload } from '../../src/notifications/notify-payload';
import { JobHandlers } from '../../src/queue/job-handlers';
import { JobName } from '../../src/queue/jobs';
import { Account, createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV, MY_NOTIFICATIONS, registerBeneficiaryWithCard, waitForNotification } from '../factories/learning';
import { CREATE_MODULE, moduleInput, REVIEW_MODULE, SUBMIT_MODULE } from '../factories/modules';
import { errorCode, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const MARK_READ = `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;

describe('notifications', () => {
  let t: TestApp;
  let curator: Account;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    curator = await createCurator(t);
  });
  afterAll(() => t.close());

  const submitted = async (owner: Account, title: string) => {
    const created = await t.gql(CREATE_MODULE, { input: moduleInput({ title }) }, owner.token);
    const sent = await t.gql(SUBMIT_MODULE, { id: created.data!.createModule.id }, owner.token);
    return { id: created.data!.createModule.id as string, version: sent.data!.submitModule.version as number };
  };

  it('tells the owner about every curator decision, with the note', async () => {
    const owner = await registerContributor(t);
    const a = await submitted(owner, 'Modul Perubahan Diminta Satu');
    const b = await submitted(owner, 'Modul Ditolak Kurator Dua');
    const c = await submitted(owner, 'Modul Disetujui Kurator Tiga');
    await t.gql(REVIEW_MODULE, { input: { moduleId: a.id, expectedVersion: a.version, decision: 'REQUEST_CHANGES', note: 'Tambahkan contoh toko online.' } }, curator.token);
    await t.gql(REVIEW_MODULE, { input: { moduleId: b.id, expectedVersion: b.version, decision: 'REJECT', note: 'Isi tidak sesuai judul modul.' } }, curator.token);
    await t.gql(REVIEW_MODULE, { input: { moduleId: c.id, expectedVersion: c.version, decision: 'APPROVE' } }, curator.token);

    const changes = await waitForNotification(t, owner.token, 'CHANGES_REQUESTED');
    expect(changes).toMatchObject({ moduleIds: [a.id], read: false });
    expect(changes.message).toContain('Modul Perubahan Diminta Satu');
    expect(changes.message).toContain('Tambahkan contoh toko online.');
    expect((await waitForNotification(t, owner.token, 'MODULE_REJECTED')).moduleIds).toEqual([b.id]);
    expect((await waitForNotification(t, owner.token, 'MODULE_APPROVED')).moduleIds).toEqual([c.id]);

    await t.gql(`mutation($id: ID!) { unpublishModule(moduleId: $id, note: "Tautan video rusak") { status } }`, { id: c.id }, curator.token);
    expect((await waitForNotification(t, owner.token, 'MODULE_UNPUBLISHED')).message).toContain('Tautan video rusak');

    // Newest first.
    const all = (await t.gql(MY_NOTIFICATIONS, { first: 10 }, owner.token)).data!.myNotifications;
    const times = all.map((n: { createdAt: string }) => Date.parse(n.createdAt));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect(all[0].kind).toBe('MODULE_UNPUBLISHED');
  });

  it('marks only the caller\'s own unread notifications read, and filters unread ones', async () => {
    const owner = await registerContributor(t);
    const other = await registerContributor(t);
    const a = await submitted(owner, 'Modul Untuk Ditandai Dibaca');
    const b = await submitted(other, 'Modul Milik Orang Lain');
    await t.gql(REVIEW_MODULE, { input: { moduleId: a.id, expectedVersion: a.version, decision: 'APPROVE' } }, curator.token);
    await t.gql(REVIEW_MODULE, { input: { moduleId: b.id, expectedVersion: b.version, decision: 'APPROVE' } }, curator.token);
    const mine = await waitForNotification(t, owner.token, 'MODULE_APPROVED');
    const theirs = await waitForNotification(t, other.token, 'MODULE_APPROVED');

    expect((await t.gql(MARK_READ, { ids: [theirs.id, 'not-an-id', randomUUID()] }, owner.token)).data!.markNotificationsRead).toBe(0);
    expect((await t.gql(MARK_READ, { ids: [mine.id, mine.id] }, owner.token)).data!.markNotificationsRead).toBe(1);
    expect((await t.gql(MARK_READ, { ids: [mine.id] }, owner.token)).data!.markNotificationsRead).toBe(0);

    expect((await t.gql(MY_NOTIFICATIONS, { unreadOnly: true }, owner.token)).data!.myNotifications).toEqual([]);
    expect((await t.gql(MY_NOTIFICATIONS, {}, owner.token)).data!.myNotifications).toEqual([expect.objectContaining({ id: mine.id, read: true })]);
    expect((await t.gql(MY_NOTIFICATIONS, { unreadOnly: true }, other.token)).data!.myNotifications).toEqual([expect.objectContaining({ id: theirs.id, read: false })]);

    expect(errorCode(await t.gql(MY_NOTIFICATIONS, {}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(MARK_READ, { ids: [mine.id] }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.gql(MY_NOTIFICATIONS, { first: 0 }, owner.token))).toBe('BAD_USER_INPUT');
  });

  it('writes one notification however often a job runs (BullMQ delivers at least once)', async () => {
    const beneficiary = await registerBeneficiaryWithCard(t);
    const handlers = t.app.get(JobHandlers);
    const payload: NotifyPayload = { kind: NotificationKind.REPORT_RESOLVED, userId: beneficiary.id, moduleIds: [], dedupeKey: `test:${randomUUID()}`, note: 'Selesai', outcome: 'RESOLVED' };
    await Promise.all([handlers.run(JobName.NOTIFY, payload), handlers.run(JobName.NOTIFY, payload)]);
    await handlers.run(JobName.NOTIFY, payload);

    const [entry] = await t.db.query(`SELECT id FROM ledger_entries WHERE user_id = $1`, [beneficiary.id]);
    const exhausted = { userId: beneficiary.id, ledgerEntryId: entry.id };
    await handlers.run(JobName.NOTIFY_CREDIT_EXHAUSTED, exhausted);
    await handlers.run(JobName.NOTIFY_CREDIT_EXHAUSTED, exhausted);

    const rows = await t.db.query(`SELECT kind FROM notifications WHERE user_id = $1 ORDER BY kind`, [beneficiary.id]);
    expect(rows.map((row: { kind: string }) => row.kind)).toEqual(['CREDIT_EXHAUSTED', 'REPORT_RESOLVED']);
  });
});
