import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../src/config/config';
import { Account, createCurator, registerContributor } from '../factories/accounts';
import { adminToken, Beneficiary, COMPLETE_LESSON, enroll, lessonIdsOf, RATE_MODULE, registerBeneficiaryWithCard, REPORT_MODULE, waitForNotification } from '../factories/learning';
import { createModule, moduleInput, publishedModule } from '../factories/modules';
import { TestApp } from '../support/test-app';

/**
 * Who sends an operation: nobody, each role, or a token that is not one: a
 * bad signature, an unsigned token claiming ADMIN, a well-signed token whose
 * claims are hostile, one for an account that does not exist, a header that
 * is not a bearer token.
 */
export const ROLES = ['anonymous', 'forgedToken', 'unsignedToken', 'hostileClaims', 'unknownAccount', 'garbageHeader', 'beneficiary', 'otherBeneficiary', 'contributor', 'otherContributor', 'curator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of real values an operation may refer to (resolved at send time, so a failing case prints short). */
export const POOLS = ['module', 'draftModule', 'slug', 'lesson', 'enrollment', 'report', 'review', 'notification', 'importJob', 'reindexJob', 'user', 'card', 'email', 'cursor', 'categorySlug'] as const;
export type Pool = (typeof POOLS)[number];

export interface FuzzWorld {
  tokens: Record<Role, string | undefined>;
  /** The account behind each role that has one. */
  accountIds: Partial<Record<Role, string>>;
  pools: Record<Pool, string[]>;
  /** Beneficiaries whose wallet the invariants read through the app. */
  beneficiaries: Beneficiary[];
}

const FIRST_PAGES: { query: string; role: Role }[] = [
  { query: `{ page: myEnrollments(first: 1) { pageInfo { endCursor } } }`, role: 'beneficiary' },
  { query: `{ page: myModules(first: 1) { pageInfo { endCursor } } }`, role: 'contributor' },
  { query: `{ page: moderationQueue(statuses: [PUBLISHED, DRAFT], first: 1) { pageInfo { endCursor } } }`, role: 'curator' },
  { query: `{ page: reports(status: OPEN, first: 1) { pageInfo { endCursor } } }`, role: 'curator' },
];

/**
 * A small marketplace built through the API: two contributors with published
 * (Rp0 and Rp1) and draft modules, a curator, the admin, two beneficiaries with
 * enrollments, a completed lesson, a review, an open report, a notification,
 * an import job and a reindex job.
 */
export async function buildFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  const admin = await adminToken(t);
  const curator = await createCurator(t);
  const [contributor, otherContributor] = [await registerContributor(t), await registerContributor(t, { kind: 'ORGANIZATION', organizationName: 'Yayasan Belajar' })];
  const [beneficiary, otherBeneficiary] = [await registerBeneficiaryWithCard(t), await registerBeneficiaryWithCard(t)];

  // More than a few: the fuzzing archives and unpublishes them as it goes.
  const published = [
    await publishedModule(t, contributor.token, curator.token),
    await publishedModule(t, contributor.token, curator.token, { priceIdr: 1, categorySlug: 'teknologi-informasi' }),
    await publishedModule(t, otherContributor.token, curator.token, { categorySlug: 'makanan-minuman' }),
    await publishedModule(t, contributor.token, curator.token, { categorySlug: 'kewirausahaan' }),
    await publishedModule(t, otherContributor.token, curator.token, { priceIdr: 1 }),
    await publishedModule(t, otherContributor.token, curator.token, { categorySlug: 'bahasa-asing' }),
  ];
  const drafts = [await createModule(t, contributor.token), await createModule(t, otherContributor.token)];

  const enrollments = [
    await enroll(t, beneficiary.token, published[0].id),
    await enroll(t, beneficiary.token, published[1].id),
    await enroll(t, otherBeneficiary.token, published[2].id),
  ];
  const lessons = [...(await lessonIdsOf(t, contributor.token, published[0].id)), ...(await lessonIdsOf(t, otherContributor.token, published[2].id))];
  await expectOk(t, COMPLETE_LESSON, { enrollmentId: enrollments[0].id, lessonId: lessons[0] }, beneficiary.token);
  const review = await expectOk(t, RATE_MODULE, { input: { moduleId: published[0].id, rating: 4, comment: 'Bagus dan jelas.' } }, beneficiary.token);
  const report = await expectOk(t, REPORT_MODULE, { input: { moduleId: published[2].id, reason: 'MISLEADING', details: 'Isi tidak sesuai judul.' } }, otherBeneficiary.token);
  const importJob = await expectOk(t, `mutation($items: [ModuleInput!]!) { importModules(items: $items) { id } }`, { items: [moduleInput()] }, contributor.token);
  const reindexJob = await expectOk(t, `mutation { reindexSearch { id } }`, {}, admin);
  const notification = await waitForNotification(t, contributor.token, 'MODULE_APPROVED');

  // Signed with the app's own secret: only the claims are wrong.
  const signer = new JwtService({ secret: t.app.get<AppConfig>(APP_CONFIG).jwtSecret, signOptions: { algorithm: 'HS256', expiresIn: 3600 } });
  const claims = { role: 'ADMIN', ver: 0, jti: randomUUID() };
  const tokens: Record<Role, string | undefined> = {
    anonymous: undefined,
    forgedToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJBRE1JTiJ9.bm90LWEtc2lnbmF0dXJl',
    unsignedToken: `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: curator.id, ...claims })).toString('base64url')}.`,
    hostileClaims: signer.sign({ ...claims, sub: "' OR 1=1 --", ver: 1e308 }),
    unknownAccount: signer.sign({ ...claims, sub: randomUUID() }),
    garbageHeader: 'a b	c',
    beneficiary: beneficiary.token,
    otherBeneficiary: otherBeneficiary.token,
    contributor: contributor.token,
    otherContributor: otherContributor.token,
    curator: curator.token,
    admin,
  };
  const accounts: Account[] = [contributor, otherContributor, curator, beneficiary, otherBeneficiary];
  const adminId = (await expectOk(t, `{ me { id } }`, {}, admin)).me.id;
  return {
    tokens,
    accountIds: { beneficiary: beneficiary.id, otherBeneficiary: otherBeneficiary.id, contributor: contributor.id, otherContributor: otherContributor.id, curator: curator.id, admin: adminId },
    beneficiaries: [beneficiary, otherBeneficiary],
    pools: {
      module: published.map((m) => m.id),
      draftModule: drafts.map((m) => m.id),
      slug: [...published, ...drafts].map((m) => m.slug),
      lesson: lessons,
      enrollment: enrollments.map((e) => e.id),
      report: [report.reportModule.id],
      review: [review.rateModule.id],
      notification: [notification.id],
      importJob: [importJob.importModules.id],
      reindexJob: [reindexJob.reindexSearch.id],
      user: accounts.map((a) => a.id),
      card: [beneficiary.card, otherBeneficiary.card],
      email: ['admin@example.id'],
      cursor: await realCursors(t, tokens),
      categorySlug: ['penjualan-pemasaran', 'teknologi-informasi', 'makanan-minuman'],
    },
  };
}

/** Cursors the API itself handed out, so valid cases page for real. */
async function realCursors(t: TestApp, tokens: Record<Role, string | undefined>): Promise<string[]> {
  const cursors: string[] = [];
  for (const { query, role } of FIRST_PAGES) {
    const cursor = (await t.gql(query, undefined, tokens[role])).data?.page?.pageInfo?.endCursor;
    if (typeof cursor === 'string') cursors.push(cursor);
  }
  return cursors;
}

async function expectOk(t: TestApp, query: string, variables: Record<string, unknown>, token: string): Promise<Record<string, any>> {
  const res = await t.gql(query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}
