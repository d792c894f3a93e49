import { Account, createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV, countWrites, REPORT_MODULE, RESOLVE_REPORT, registerBeneficiaryWithCard, waitForNotification } from '../factories/learning';
import { createModule, publishedModule } from '../factories/modules';
import { errorCode, startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const REPORTS = `query($status: ReportStatus, $first: Int, $after: String) {
  reports(status: $status, first: $first, after: $after) { totalCount nodes { id status reason module { id } reporter { id } } pageInfo { hasNextPage endCursor } }
}`;
const HISTORY = `query($id: ID!) { module(id: $id) { status moderationHistory { action fromStatus toStatus note actor { id } } } }`;

describe('reportModule, reports and resolveReport', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    owner = await registerContributor(t);
    curator = await createCurator(t);
  });
  afterAll(() => t.close());

  const report = (token: string, moduleId: string, extra: Record<string, unknown> = {}) => t.gql(REPORT_MODULE, { input: { moduleId, reason: 'BROKEN_CONTENT', ...extra } }, token);

  it('takes one OPEN report per user and module: a second is CONFLICT and writes nothing', async () => {
    const module = await publishedModule(t, owner.token, curator.token);
    const beneficiary = await registerBeneficiaryWithCard(t);
    const contributor = await registerContributor(t);

    const first = await report(beneficiary.token, module.id, { details: '  Video pelajaran 1 tidak bisa diputar.  ' });
    expect(first.errors).toBeUndefined();
    expect(first.data!.reportModule).toMatchObject({ status: 'OPEN', reason: 'BROKEN_CONTENT', details: 'Video pelajaran 1 tidak bisa diputar.', resolutionNote: null, resolvedAt: null, module: { id: module.id }, reporter: { id: beneficiary.id } });
    // Any authenticated user may report.
    expect((await report(contributor.token, module.id, { reason: 'COPYRIGHT' })).errors).toBeUndefined();

    const draft = await createModule(t, owner.token);
    const before = await countWrites(t.db);
    expect(errorCode(await report(beneficiary.token, module.id, { reason: 'SPAM' }))).toBe('CONFLICT');
    expect(errorCode(await t.gql(REPORT_MODULE, { input: { moduleId: module.id, reason: 'OTHER' } }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await report(beneficiary.token, draft.id))).toBe('NOT_FOUND');
    const long = await report(beneficiary.token, module.id, { details: 'x'.repeat(2001) });
    expect(long.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['details']);
    expect(await countWrites(t.db)).toEqual(before);
  });

  it('lists OPEN reports oldest first with cursors, for curators only', async () => {
    const module = await publishedModule(t, owner.token, curator.token);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await report((await registerBeneficiaryWithCard(t)).token, module.id)).data!.reportModule.id);
    const all = await t.gql(REPORTS, { first: 100 }, curator.token);
    const order = all.data!.reports.nodes.map((n: { id: string }) => n.id);
    expect(order.slice(-3)).toEqual(ids);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await t.gql(REPORTS, { first: 2, after }, curator.token);
      seen.push(...page.data.reports.nodes.map((n: { id: string }) => n.id));
      after = page.data.reports.pageInfo.hasNextPage ? page.data.reports.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(order);
    expect(all.data!.reports.totalCount).toBe(order.length);

    const beneficiary = await registerBeneficiaryWithCard(t);
    expect(errorCode(await t.gql(REPORTS, {}, beneficiary.token))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(REPORTS, {}, owner.token))).toBe('FORBIDDEN');
  });

  it('refuses bad resolutions, writing nothing', async () => {
    const module = await publishedModule(t, owner.token, curator.token);
    const beneficiary = await registerBeneficiaryWithCard(t);
    const reportId = (await report(beneficiary.token, module.id)).data!.reportModule.id;

    const before = await countWrites(t.db);
    const open = await t.gql(RESOLVE_REPORT, { input: { reportId, status: 'OPEN', note: 'Masih dicek' } }, curator.token);
    expect(errorCode(open)).toBe('BAD_USER_INPUT');
    expect(open.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['status']);
    const blank = await t.gql(RESOLVE_REPORT, { input: { reportId, status: 'RESOLVED', note: '   ' } }, curator.token);
    expect(blank.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['note']);
    const dismissAndUnpublish = await t.gql(RESOLVE_REPORT, { input: { reportId, status: 'DISMISSED', note: 'Tidak terbukti', unpublish: true } }, curator.token);
    expect(dismissAndUnpublish.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['unpublish']);
    expect(errorCode(await t.gql(RESOLVE_REPORT, { input: { reportId: '00000000-0000-4000-8000-000000000000', status: 'RESOLVED', note: 'Selesai' } }, curator.token))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(RESOLVE_REPORT, { input: { reportId, status: 'RESOLVED', note: 'Selesai' } }, beneficiary.token))).toBe('FORBIDDEN');
    expect(await countWrites(t.db)).toEqual(before);
  });

  it('resolves with unpublish through the moderation status machine and history; reporter and owner are notified', async () => {
    const module = await publishedModule(t, owner.token, curator.token);
    const reporter = await registerBeneficiaryWithCard(t);
    const reportId = (await report(reporter.token, module.id, { reason: 'COPYRIGHT' })).data!.reportModule.id;

    const note = 'Materi terbukti menyalin kursus berbayar.';
    const resolved = await t.gql(RESOLVE_REPORT, { input: { reportId, status: 'RESOLVED', note, unpublish: true } }, curator.token);
    expect(resolved.errors).toBeUndefined();
    expect(resolved.data!.resolveReport).toMatchObject({ id: reportId, status: 'RESOLVED', resolutionNote: note, resolvedAt: expect.any(String), module: { id: module.id, status: 'UNPUBLISHED' } });

    const history = (await t.gql(HISTORY, { id: module.id }, owner.token)).data!.module;
    expect(history.status).toBe('UNPUBLISHED');
    expect(history.moderationHistory.at(-1)).toEqual({ action: 'UNPUBLISH', fromStatus: 'PUBLISHED', toStatus: 'UNPUBLISHED', note, actor: { id: curator.id } });

    const toReporter = await waitForNotification(t, reporter.token, 'REPORT_RESOLVED');
    expect(toReporter).toMatchObject({ moduleIds: [module.id], read: false });
    expect(toReporter.message).toContain(note);
    const toOwner = await waitForNotification(t, owner.token, 'MODULE_UNPUBLISHED', 10_000, (n) => n.moduleIds.includes(module.id));
    expect(toOwner.message).toContain(note);

    // Closed: a second resolution is CONFLICT; the reporter may report again.
    expect(errorCode(await t.gql(RESOLVE_REPORT, { input: { reportId, status: 'DISMISSED', note: 'Lagi' } }, curator.token))).toBe('CONFLICT');
    const resolvedList = await t.gql(REPORTS, { status: 'RESOLVED', first: 100 }, curator.token);
    expect(resolvedList.data!.reports.nodes.map((n: { id: string }) => n.id)).toContain(reportId);
  });

  it('dismisses without touching the module, and a second report of a taken-down module resolves without a second history entry', async () => {
    const module = await publishedModule(t, owner.token, curator.token);
    const [one, two] = [await registerBeneficiaryWithCard(t), await registerBeneficiaryWithCard(t)];
    const first = (await report(one.token, module.id)).data!.reportModule.id;
    const second = (await report(two.token, module.id)).data!.reportModule.id;

    const dismissed = await t.gql(RESOLVE_REPORT, { input: { reportId: first, status: 'DISMISSED', note: 'Video dapat diputar dengan baik.' } }, curator.token);
    expect(dismissed.data!.resolveReport).toMatchObject({ status: 'DISMISSED', module: { status: 'PUBLISHED' } });
    expect((await waitForNotification(t, one.token, 'REPORT_RESOLVED')).message).toContain('tidak ditindaklanjuti');

    await t.gql(`mutation($id: ID!) { unpublishModule(moduleId: $id, note: "Diturunkan kurator lain") { status } }`, { id: module.id }, curator.token);
    const resolved = await t.gql(RESOLVE_REPORT, { input: { reportId: second, status: 'RESOLVED', note: 'Sudah diturunkan.', unpublish: true } }, curator.token);
    expect(resolved.data!.resolveReport).toMatchObject({ status: 'RESOLVED', module: { status: 'UNPUBLISHED' } });
    const history = (await t.gql(HISTORY, { id: module.id }, curator.token)).data!.module.moderationHistory;
    expect(history.filter((e: { action: string }) => e.action === 'UNPUBLISH')).toHaveLength(1);
  });
});
