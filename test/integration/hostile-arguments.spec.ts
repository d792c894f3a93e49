import { GraphQLSchemaHost } from '@nestjs/graphql';
import { NAMES_NOTHING } from '../../src/graphql/id-arguments';
import { GraphQLInputType, GraphQLObjectType, isInputObjectType, isListType, isNonNullType, isScalarType } from 'graphql';
import { Account, createCurator, registerContributor } from '../factories/accounts';
import { ADMIN_ENV, adminToken, Beneficiary, COMPLETE_LESSON, countWrites, enroll, registerBeneficiaryWithCard } from '../factories/learning';
import { createModule, lessonInput, moduleInput, publishedModule, UPDATE_MODULE } from '../factories/modules';
import { pollUntil } from '../support/poll';
import { errorCode, GraphQLResponse, startTestApp, TestApp } from '../support/test-app';

/** Crafted `after` values: none could have come from this API. */
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const UUID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
const CRAFTED_CURSORS: [string, string][] = [
  ['random text', 'bm90LWEtY3Vyc29y***'],
  ['random base64', Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x7f]).toString('base64')],
  ['JSON with wrong types', b64([12345, { id: UUID }])],
  ['JSON object', b64({ key: '2026-11-29T10:15:30.123Z', id: UUID })],
  ['a bad date', b64(['2026-13-45T99:99:99.999Z', UUID])],
  ['year zero', b64(['0000-01-01T00:00:00.000Z', UUID])],
  ['a non-UUID id', b64(['2026-11-29T10:15:30.123Z', 'abc'])],
  ['SQL in the key', b64(["2026-11-29T10:15:30.123Z'::timestamptz) OR 1=1 --", UUID])],
  ['SQL in the id', b64(['2026-11-29T10:15:30.123Z', `${UUID}' OR '1'='1`])],
  ['SQL metacharacters raw', `'; DROP TABLE modules; --`],
  ['a huge string', 'Q'.repeat(200_000)],
];

const SUBMIT_QUIZ = `mutation($enrollmentId: ID!, $lessonId: ID!, $questionId: ID!) {
  submitQuiz(enrollmentId: $enrollmentId, lessonId: $lessonId, answers: [{ questionId: $questionId, selectedOptions: [0] }]) { attempt { id } }
}`;

/** Values of ID arguments that are not ids. */
const MALFORMED_IDS = ['x', `' OR '1'='1`, '12345', 'ä'.repeat(2_000)];

jest.setTimeout(60_000);

describe('hostile arguments: crafted cursors and malformed ids never answer 500', () => {
  let t: TestApp;
  let owner: Account;
  let curator: Account;
  let beneficiary: Beneficiary;
  let admin: string;
  let publishedId: string;
  let draftId: string;
  let enrollmentId: string;

  beforeAll(async () => {
    t = await startTestApp(ADMIN_ENV);
    owner = await registerContributor(t);
    curator = await createCurator(t);
    beneficiary = await registerBeneficiaryWithCard(t);
    admin = await adminToken(t);
    publishedId = (await publishedModule(t, owner.token, curator.token)).id;
    draftId = (await createModule(t, owner.token)).id;
    enrollmentId = (await enroll(t, beneficiary.token, publishedId)).id;
    const report = await t.gql(`mutation($input: ReportModuleInput!) { reportModule(input: $input) { id } }`, { input: { moduleId: publishedId, reason: 'SPAM' } }, beneficiary.token);
    if (report.errors) throw new Error(JSON.stringify(report.errors));
  });
  afterAll(() => t.close());

  /** Every paginated field, with a caller allowed to read it; a valid page first, so the list is not empty. */
  const PAGINATED: { field: string; query: string; token: () => string; valid: () => Record<string, unknown> }[] = [
    { field: 'myModules', query: `query($after: String) { myModules(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }`, token: () => owner.token, valid: () => ({}) },
    { field: 'myEnrollments', query: `query($after: String) { myEnrollments(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }`, token: () => beneficiary.token, valid: () => ({}) },
    {
      field: 'moderationQueue',
      query: `query($after: String) { moderationQueue(first: 1, after: $after, statuses: [PUBLISHED, DRAFT]) { nodes { id } pageInfo { endCursor } } }`,
      token: () => curator.token,
      valid: () => ({}),
    },
    { field: 'reports', query: `query($after: String) { reports(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } }`, token: () => curator.token, valid: () => ({}) },
    {
      field: 'moduleReviews',
      query: `query($after: String, $moduleId: ID!) { moduleReviews(moduleId: $moduleId, first: 1, after: $after) { id } }`,
      token: () => beneficiary.token,
      valid: () => ({ moduleId: publishedId }),
    },
  ];

  it('tries every field of the schema that takes an `after` cursor', () => {
    expect(fieldsWithArgument(t, (name) => name === 'after').sort()).toEqual(PAGINATED.map((list) => list.field).sort());
  });

  it.each(PAGINATED.map((list) => [list.field, list] as const))('%s refuses every crafted cursor with BAD_USER_INPUT on after', async (_, list) => {
    const first = await t.gql(list.query, list.valid(), list.token());
    expect(first.errors).toBeUndefined();
    const endCursor = (Object.values(first.data!)[0] as { pageInfo?: { endCursor: string } }).pageInfo?.endCursor;
    if (endCursor) expect((await t.gql(list.query, { ...list.valid(), after: endCursor }, list.token())).errors).toBeUndefined();

    for (const [what, after] of CRAFTED_CURSORS) {
      const res = await t.gql(list.query, { ...list.valid(), after }, list.token());
      expect({ what, status: res.status, code: errorCode(res), fields: res.errors?.[0].extensions.fields }).toEqual({
        what,
        status: 200,
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'after', message: expect.any(String) }],
      });
    }
  });

  /** Every field taking an ID (argument or input field), with what an id that names nothing gets there. */
  const ID_CASES: { field: string; query: string; variables: (bad: string) => Record<string, unknown>; token: () => string | undefined; expect: (res: GraphQLResponse) => void }[] = [
    {
      field: 'createModule',
      query: `mutation($input: ModuleInput!) { createModule(input: $input) { id } }`,
      variables: (id) => ({ input: moduleInput({ lessons: [lessonInput({ id })] }) }),
      token: () => owner.token,
      expect: (res) => expectBadInput(res, 'lessons.0.id'),
    },
    { field: 'module', query: `query($id: ID) { module(id: $id) { id } }`, variables: (id) => ({ id }), token: () => undefined, expect: notFound },
    { field: 'moduleReviews', query: `query($id: ID!) { moduleReviews(moduleId: $id) { id } }`, variables: (id) => ({ id }), token: () => undefined, expect: notFound },
    { field: 'importJob', query: `query($id: ID!) { importJob(id: $id) { id } }`, variables: (id) => ({ id }), token: () => owner.token, expect: notFound },
    { field: 'reindexJob', query: `query($id: ID!) { reindexJob(id: $id) { id } }`, variables: (id) => ({ id }), token: () => admin, expect: (res) => expectNull(res, 'reindexJob') },
    {
      field: 'updateModule',
      query: UPDATE_MODULE,
      variables: (id) => ({ input: { id, expectedVersion: 1, title: 'Judul Modul yang Diperbarui' } }),
      token: () => owner.token,
      expect: notFound,
    },
    { field: 'submitModule', query: `mutation($id: ID!) { submitModule(id: $id) { id } }`, variables: (id) => ({ id }), token: () => owner.token, expect: notFound },
    { field: 'archiveModule', query: `mutation($id: ID!) { archiveModule(id: $id) { id } }`, variables: (id) => ({ id }), token: () => owner.token, expect: notFound },
    {
      field: 'reviewModule',
      query: `mutation($id: ID!) { reviewModule(input: { moduleId: $id, expectedVersion: 1, decision: APPROVE }) { id } }`,
      variables: (id) => ({ id }),
      token: () => curator.token,
      expect: notFound,
    },
    { field: 'unpublishModule', query: `mutation($id: ID!) { unpublishModule(moduleId: $id, note: "Konten bermasalah") { id } }`, variables: (id) => ({ id }), token: () => curator.token, expect: notFound },
    { field: 'enroll', query: `mutation($id: ID!) { enroll(moduleId: $id) { id } }`, variables: (id) => ({ id }), token: () => beneficiary.token, expect: notFound },
    { field: 'completeLesson', query: COMPLETE_LESSON, variables: (id) => ({ enrollmentId: id, lessonId: id }), token: () => beneficiary.token, expect: notFound },
    { field: 'submitQuiz', query: SUBMIT_QUIZ, variables: (id) => ({ enrollmentId: id, lessonId: id, questionId: id }), token: () => beneficiary.token, expect: notFound },
    {
      field: 'markNotificationsRead',
      query: `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`,
      variables: (id) => ({ ids: [id, id] }),
      token: () => beneficiary.token,
      expect: (res) => expect(res).toMatchObject({ data: { markNotificationsRead: 0 } }),
    },
    { field: 'rateModule', query: `mutation($id: ID!) { rateModule(input: { moduleId: $id, rating: 5 }) { id } }`, variables: (id) => ({ id }), token: () => beneficiary.token, expect: notFound },
    { field: 'reportModule', query: `mutation($id: ID!) { reportModule(input: { moduleId: $id, reason: SPAM }) { id } }`, variables: (id) => ({ id }), token: () => beneficiary.token, expect: notFound },
    { field: 'suspendAccount', query: `mutation($id: ID!) { suspendAccount(userId: $id, reason: "Alasan yang cukup panjang.") { id } }`, variables: (id) => ({ id }), token: () => admin, expect: notFound },
    { field: 'reinstateAccount', query: `mutation($id: ID!) { reinstateAccount(userId: $id) { id } }`, variables: (id) => ({ id }), token: () => admin, expect: notFound },
    {
      field: 'resolveReport',
      query: `mutation($id: ID!) { resolveReport(input: { reportId: $id, status: DISMISSED, note: "Tidak terbukti" }) { id } }`,
      variables: (id) => ({ id }),
      token: () => curator.token,
      expect: notFound,
    },
  ];

  it('tries every query and mutation of the schema that takes an ID', () => {
    const covered = new Set([...ID_CASES.map((c) => c.field), 'importModules']);
    expect(fieldsWithArgument(t, (_, type) => holdsId(type)).filter((field) => !covered.has(field))).toEqual([]);
  });

  it.each(ID_CASES.map((c) => [c.field, c] as const))('%s answers a malformed id as an id that names nothing, writing nothing', async (_, c) => {
    const before = await countWrites(t.db);
    for (const bad of MALFORMED_IDS) {
      const res = await t.gql(c.query, c.variables(bad), c.token());
      expect(errorCode(res)).not.toBe('INTERNAL_SERVER_ERROR');
      c.expect(res);
    }
    expect(await countWrites(t.db)).toEqual(before);
  });

  it('importModules takes an item with a malformed lesson id without a 500, and no row ever gets the id that names nothing', async () => {
    const started = await t.gql(`mutation($items: [ModuleInput!]!) { importModules(items: $items) { id } }`, { items: [moduleInput({ lessons: [lessonInput({ id: `x' OR 1=1` })] })] }, owner.token);
    expect(started.errors).toBeUndefined();
    await pollUntil(async () => {
      const res = await t.gql(`query($id: ID!) { importJob(id: $id) { state } }`, { id: started.data!.importModules.id }, owner.token);
      return ['SUCCEEDED', 'FAILED'].includes(res.data!.importJob.state) ? true : undefined;
    }, 10_000, 'the import job');
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM lessons WHERE id = $1`, [NAMES_NOTHING]);
    expect(count).toBe(0);
  });

  it('answers a malformed id beside real ones by the field rule (a lesson of another module, an edit lesson id)', async () => {
    const wrongLesson = await t.gql(COMPLETE_LESSON, { enrollmentId, lessonId: 'pelajaran-1' }, beneficiary.token);
    expect(errorCode(wrongLesson)).toBe('BAD_USER_INPUT');
    expect(wrongLesson.errors![0].extensions.fields).toEqual([{ field: 'lessonId', message: expect.any(String) }]);

    const quizLesson = await t.gql(SUBMIT_QUIZ, { enrollmentId, lessonId: `x' OR 1=1`, questionId: 'pertanyaan-1' }, beneficiary.token);
    expectBadInput(quizLesson, 'lessonId');

    const editLesson = await t.gql(UPDATE_MODULE, { input: { id: draftId, expectedVersion: 1, lessons: [{ id: `x' OR 1=1`, title: 'Pelajaran baru', kind: 'ARTICLE', durationMinutes: 5, body: 'Isi pelajaran.' }] } }, owner.token);
    expect(errorCode(editLesson)).toBe('BAD_USER_INPUT');
    expect(editLesson.errors![0].extensions.fields).toEqual([{ field: 'lessons.0.id', message: expect.any(String) }]);
  });
});

function notFound(res: GraphQLResponse): void {
  expect(errorCode(res)).toBe('NOT_FOUND');
}

function expectBadInput(res: GraphQLResponse, field: string): void {
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(res.errors![0].extensions.fields).toEqual([{ field, message: expect.any(String) }]);
}

/** reindexJob: a nullable lookup that answers null for an id that names nothing. */
function expectNull(res: GraphQLResponse, field: string): void {
  expect(res.errors).toBeUndefined();
  expect(res.data![field]).toBeNull();
}

/** Query and Mutation fields having an argument that matches. */
function fieldsWithArgument(t: TestApp, matches: (name: string, type: GraphQLInputType) => boolean): string[] {
  const schema = t.app.get(GraphQLSchemaHost).schema;
  return [schema.getQueryType(), schema.getMutationType()]
    .filter((type): type is GraphQLObjectType => !!type)
    .flatMap((type) => Object.values(type.getFields()))
    .filter((field) => field.args.some((arg) => matches(arg.name, arg.type)))
    .map((field) => field.name);
}

function holdsId(type: GraphQLInputType, seen = new Set<GraphQLInputType>()): boolean {
  if (isNonNullType(type) || isListType(type)) return holdsId(type.ofType, seen);
  if (isScalarType(type)) return type.name === 'ID';
  if (!isInputObjectType(type) || seen.has(type)) return false;
  seen.add(type);
  return Object.values(type.getFields()).some((field) => holdsId(field.type, seen));
}
