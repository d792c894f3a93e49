import { loadCorpus, moduleBatches, type ContributorRow, type LessonRow } from '../catalogue/catalogue-generator';
import type { GraphQLClient } from '../load/graphql-client';
import { pollUntil } from '../support/poll';
import { registerContributor } from './accounts';

const IMPORT = `mutation($items: [ModuleInput!]!) { importModules(items: $items) { id state total failures { index field message } } }`;
const JOB = `query($id: ID!) { importJob(id: $id) { state processed failures { index message } } }`;
const IMPORT_DEADLINE_MS = 600_000;

export interface ImportFigures {
  items: number;
  requestBytes: number;
  /** The importModules call alone (validation of every item). */
  submitSeconds: number;
  /** From sending importModules to importJob SUCCEEDED. */
  seconds: number;
  itemsPerSecond: number;
}

/** Valid ModuleInput items in the catalogue's style (a corpus of its own, so titles differ from the catalogue's). */
export function importItems(count: number, categorySlugs: string[]): Record<string, unknown>[] {
  const corpus = loadCorpus(7);
  const owner: ContributorRow = { id: 'owner', email: '', displayName: '', kind: 'INDIVIDUAL', organizationName: null };
  // The generator files modules under the "category ids" it is given: here, the slugs.
  const [batch] = moduleBatches(corpus, { count, batchSize: count, categoryIds: categorySlugs, contributors: [owner] });
  const lessonsByModule = new Map<string, LessonRow[]>();
  for (const lesson of batch.lessons) lessonsByModule.set(lesson.moduleId, [...(lessonsByModule.get(lesson.moduleId) ?? []), lesson]);
  return batch.modules.map((module) => ({
    title: module.title.length >= 8 ? module.title : `${module.title} untuk Pemula`,
    summary: module.summary,
    description: module.description,
    categorySlug: module.categoryId,
    skills: module.skills.filter((skill) => skill.length >= 2).concat(['keterampilan kerja']).slice(0, 15),
    level: module.level,
    language: module.language,
    deliveryMode: module.deliveryMode,
    priceIdr: module.priceIdr,
    certificate: module.certificate,
    lessons: (lessonsByModule.get(module.id) ?? []).map((lesson) => ({
      title: lesson.title,
      kind: lesson.kind,
      durationMinutes: lesson.durationMinutes,
      contentUrl: lesson.contentUrl,
      body: lesson.body,
      ...(lesson.questions ? { questions: lesson.questions } : {}),
    })),
  }));
}

/** One importModules call with `count` items by a new contributor, followed until the job has SUCCEEDED. */
export async function measureImport(client: GraphQLClient, count: number, categorySlugs: string[]): Promise<ImportFigures> {
  const token = await registerContributor(client);
  const items = importItems(count, categorySlugs);
  const requestBytes = Buffer.byteLength(JSON.stringify({ query: IMPORT, variables: { items } }));
  const started = performance.now();
  const submitted = await client.call<{ importModules: { id: string; failures: { index: number; message: string }[] } }>(IMPORT, { items }, token);
  const submitSeconds = (performance.now() - started) / 1000;
  const { failures } = submitted.importModules;
  if (failures.length > 0) throw new Error(`importModules refused ${failures.length} items, e.g. ${JSON.stringify(failures.slice(0, 3))}`);
  const job = await pollUntil(
    async () => {
      const data = await client.call<{ importJob: { state: string; processed: number } }>(JOB, { id: submitted.importModules.id }, token);
      return data.importJob.state === 'SUCCEEDED' || data.importJob.state === 'FAILED' ? data.importJob : undefined;
    },
    { timeoutMs: IMPORT_DEADLINE_MS, intervalMs: 100, what: 'the import job to finish' },
  );
  const seconds = (performance.now() - started) / 1000;
  if (job.state !== 'SUCCEEDED') throw new Error(`The import job ended ${job.state} after ${job.processed} items`);
  return { items: count, requestBytes, submitSeconds, seconds, itemsPerSecond: count / seconds };
}
