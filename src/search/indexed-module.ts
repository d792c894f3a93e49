import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { ModuleStatus } from '../catalog/module-status';
import type { ModuleModel } from '../catalog/models/module.model';
import type { DeliveryMode, Level } from '../catalog/module-status';
import type { ModuleDocument } from './search-engine.port';

/**
 * Module fields a search hit answers from its index document, without reading
 * the database: the document's own values, and the relations resolved from
 * its ids (category, contributor, lessons, the caller's enrollment, history).
 */
const FIELDS_FROM_DOCUMENT = new Set([
  '__typename', 'id', 'slug', 'title', 'summary', 'description', 'skills', 'level', 'language', 'deliveryMode',
  'durationMinutes', 'priceIdr', 'certificate', 'status', 'ratingAverage', 'ratingCount', 'enrollmentCount',
  'completionCount', 'publishedAt', 'version', 'category', 'contributor', 'lessons', 'myEnrollment', 'moderationHistory',
]);

/** Whether every Module field the searchModules request selects under hits.module can come from the index documents. */
export function hitsAnswerableFromIndex(info: GraphQLResolveInfo): boolean {
  const root = parseResolveInfo(info) as ResolveTree | null | undefined;
  if (!root) return false;
  const modules = selections(root).filter((field) => field.name === 'hits').flatMap(selections).filter((field) => field.name === 'module');
  return modules.flatMap(selections).every((field) => FIELDS_FROM_DOCUMENT.has(field.name));
}

function selections(tree: ResolveTree): ResolveTree[] {
  return Object.values(tree.fieldsByTypeName).flatMap((fields) => Object.values(fields));
}

/** A document from before categoryId and contributorId were indexed cannot answer; the database does. */
export function isCompleteDocument(document: ModuleDocument): boolean {
  return typeof document.categoryId === 'string' && typeof document.contributorId === 'string';
}

const NOT_IN_DOCUMENT = (field: string) => () => {
  throw new Error(`Module.${field} is not in the search index document; hitsAnswerableFromIndex must send this request to the database`);
};

/** The Module of a search hit, from its index document (the index holds PUBLISHED modules only). */
export function moduleModelFromDocument(document: ModuleDocument): ModuleModel {
  const module = {
    id: document.id,
    slug: document.slug,
    title: document.title,
    summary: document.summary,
    description: document.description,
    categoryId: document.categoryId,
    skills: document.skills,
    level: document.level as Level,
    language: document.language,
    deliveryMode: document.deliveryMode as DeliveryMode,
    durationMinutes: document.durationMinutes,
    priceIdr: document.priceIdr,
    certificate: document.certificate,
    status: ModuleStatus.PUBLISHED,
    contributorId: document.contributorId,
    ratingAverage: document.ratingAverage,
    ratingCount: document.ratingCount,
    enrollmentCount: document.enrollmentCount,
    completionCount: document.completionCount,
    publishedAt: new Date(document.publishedAt),
    version: document.version,
  } as ModuleModel;
  for (const field of ['createdAt', 'updatedAt', 'storedChecks'] as const) Object.defineProperty(module, field, { get: NOT_IN_DOCUMENT(field) });
  return module;
}
