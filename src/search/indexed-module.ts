import { visit, type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import type { UserModel } from '../accounts/models/user.model';
import type { ContributorKind } from '../accounts/user.entity';
import type { ModuleModel } from '../catalog/models/module.model';
import type { DeliveryMode, Level, ModuleStatus } from '../catalog/module-status';
import type { ModuleDocument } from './search-engine.port';

/**
 * What a search hit answers from its index document, without reading the
 * database: per Module field, true, or the sub-fields it can answer. The
 * relations other than the contributor resolve from the document's ids
 * (category, lessons, the caller's enrollment, history).
 */
const ANSWERABLE_FROM_DOCUMENT: Record<string, true | ReadonlySet<string>> = Object.fromEntries([
  ...['__typename', 'id', 'slug', 'title', 'summary', 'description', 'descriptionHtml', 'skills', 'level', 'language', 'deliveryMode', 'durationMinutes', 'priceIdr',
    'certificate', 'status', 'ratingAverage', 'ratingCount', 'ratingScore', 'hasQuiz', 'enrollmentCount', 'completionCount', 'publishedAt', 'version',
    'category', 'lessons', 'myEnrollment', 'moderationHistory'].map((field) => [field, true] as const),
  ['contributor', new Set(['__typename', 'id', 'displayName', 'contributorKind'])],
]);

/** Answers already decided, per searchModules field of a parsed document (Apollo keeps one per query text). */
const answerableByField = new WeakMap<FieldNode, boolean>();
/** Whether an operation or its fragments hold a directive: @skip and @include make the selection depend on variables. */
const directivesByOperation = new WeakMap<OperationDefinitionNode, boolean>();

/**
 * Whether every field the searchModules request selects under hits.module
 * can come from the index documents. Decided once per field of a document
 * without directives, else per request.
 */
export function hitsAnswerableFromIndex(info: GraphQLResolveInfo): boolean {
  const field = info.fieldNodes[0];
  if (info.fieldNodes.length !== 1 || hasDirectives(info)) return selectionAnswerable(info);
  let answerable = answerableByField.get(field);
  if (answerable === undefined) answerableByField.set(field, (answerable = selectionAnswerable(info)));
  return answerable;
}

function hasDirectives(info: GraphQLResolveInfo): boolean {
  let found = directivesByOperation.get(info.operation);
  if (found === undefined) {
    found = false;
    for (const node of [info.operation, ...Object.values(info.fragments)]) {
      visit(node, { Directive: () => void (found = true) });
    }
    directivesByOperation.set(info.operation, found);
  }
  return found;
}

function selectionAnswerable(info: GraphQLResolveInfo): boolean {
  const root = parseResolveInfo(info) as ResolveTree | null | undefined;
  if (!root) return false;
  const modules = selections(root).filter((field) => field.name === 'hits').flatMap(selections).filter((field) => field.name === 'module');
  return modules.flatMap(selections).every((field) => {
    const answerable = ANSWERABLE_FROM_DOCUMENT[field.name];
    return answerable === true || (answerable !== undefined && selections(field).every((subfield) => answerable.has(subfield.name)));
  });
}

function selections(tree: ResolveTree): ResolveTree[] {
  return Object.values(tree.fieldsByTypeName).flatMap((fields) => Object.values(fields));
}

/** A document indexed before these fields were cannot answer; the database does (`npm run reindex` refreshes them). */
export function isCompleteDocument(document: ModuleDocument): boolean {
  return typeof document.categoryId === 'string' && typeof document.contributorId === 'string' && typeof document.contributorDisplayName === 'string'
    && typeof document.ratingSum === 'number' && typeof document.hasQuiz === 'boolean';
}

/**
 * The Module of a search hit, from its index document, with the status the
 * database holds (the caller checked it). Fields the document lacks (createdAt, updatedAt,
 * the stored checks; the contributor's role, e-mail, organisation, bio and
 * createdAt) stay unset: ANSWERABLE_FROM_DOCUMENT keeps them unselected.
 */
export function moduleModelFromDocument(document: ModuleDocument, status: ModuleStatus): ModuleModel {
  return {
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
    status,
    contributorId: document.contributorId,
    ratingAverage: document.ratingAverage,
    ratingCount: document.ratingCount,
    ratingSum: document.ratingSum,
    hasQuizFromIndex: document.hasQuiz,
    enrollmentCount: document.enrollmentCount,
    completionCount: document.completionCount,
    publishedAt: new Date(document.publishedAt),
    version: document.version,
    contributorFromIndex: { id: document.contributorId, displayName: document.contributorDisplayName, contributorKind: document.contributorKind as ContributorKind } as UserModel,
  } as ModuleModel;
}
