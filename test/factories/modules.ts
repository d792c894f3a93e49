import { TestApp } from '../support/test-app';

let sequence = 0;

export const MODULE_FIELDS = `id slug title summary description status version priceIdr durationMinutes skills publishedAt
  category { slug name } contributor { id displayName }
  lessons { position title kind durationMinutes contentUrl body }`;

export function lessonInput(override: Record<string, unknown> = {}) {
  return { title: 'Mengenal pemasaran digital', kind: 'VIDEO', durationMinutes: 15, contentUrl: 'https://video.contoh-pelatihan.id/pemasaran-1.mp4', ...override };
}

export function moduleInput(override: Record<string, unknown> = {}) {
  sequence += 1;
  const topics = ['Pemasaran Digital', 'Budidaya Lele Bioflok', 'Menjahit Pakaian', 'Akuntansi UMKM', 'Bahasa Inggris Pramusaji', 'Desain Logo', 'Barista Kopi'];
  const topic = topics[sequence % topics.length];
  return {
    title: `${topic} untuk Pemula Angkatan ${sequence} ${Date.now().toString(36)}`,
    summary: `Belajar ${topic.toLowerCase()} langkah demi langkah dengan contoh nyata dari pelaku usaha.`,
    description: `Modul ini membahas ${topic.toLowerCase()} dari dasar.\n\n## Yang akan Anda pelajari\n\n- Konsep dasar\n- Praktik langsung\n- Tips memulai usaha`,
    categorySlug: 'penjualan-pemasaran',
    skills: ['pemasaran digital', 'media sosial'],
    level: 'BEGINNER',
    deliveryMode: 'SELF_PACED',
    priceIdr: 0,
    lessons: [lessonInput(), lessonInput({ title: 'Latihan membuat konten', kind: 'ARTICLE', durationMinutes: 20, contentUrl: null, body: 'Buat tiga unggahan.' })],
    ...override,
  } as Record<string, any>;
}

export const CREATE_MODULE = `mutation($input: ModuleInput!) { createModule(input: $input) { ${MODULE_FIELDS} } }`;
export const UPDATE_MODULE = `mutation($input: UpdateModuleInput!) { updateModule(input: $input) { ${MODULE_FIELDS} } }`;
export const SUBMIT_MODULE = `mutation($id: ID!) { submitModule(id: $id) { id status version moderationChecks { code message relatedModuleIds } } }`;
export const REVIEW_MODULE = `mutation($input: ReviewModuleInput!) { reviewModule(input: $input) { id status version publishedAt } }`;

export async function createModule(t: TestApp, token: string, override: Record<string, unknown> = {}): Promise<{ id: string; version: number; slug: string }> {
  const res = await t.gql(CREATE_MODULE, { input: moduleInput(override) }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.createModule;
}

/** Creates, submits and approves a module: a PUBLISHED module owned by `ownerToken`. */
export async function publishedModule(t: TestApp, ownerToken: string, curatorToken: string, override: Record<string, unknown> = {}) {
  const created = await createModule(t, ownerToken, override);
  const submitted = await t.gql(SUBMIT_MODULE, { id: created.id }, ownerToken);
  if (submitted.errors) throw new Error(JSON.stringify(submitted.errors));
  const approved = await t.gql(REVIEW_MODULE, { input: { moduleId: created.id, expectedVersion: submitted.data!.submitModule.version, decision: 'APPROVE' } }, curatorToken);
  if (approved.errors) throw new Error(JSON.stringify(approved.errors));
  return { ...created, version: approved.data!.reviewModule.version as number };
}
