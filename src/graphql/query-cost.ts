import { getComplexity } from 'graphql-query-complexity';
import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLNamedType,
  getArgumentValues,
  getVariableValues,
  GraphQLField,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  visit,
} from 'graphql';

/** Items assumed in a list without a page argument (lessons, histories, facets, categories). */
export const UNPAGED_LIST_SIZE = 10;
/** Selections walked at most, fragments expanded; beyond it the query is refused as too costly. */
export const MAX_QUERY_NODES = 10_000;

export class QueryTooComplexError extends Error {}

/** The page size a field asks for: first, pageSize, or input.pageSize (searchModules). */
function pageSizeOf(args: Record<string, unknown>): number | undefined {
  const input = args.input as Record<string, unknown> | undefined;
  const size = args.first ?? args.pageSize ?? input?.pageSize ?? input?.first;
  return typeof size === 'number' && size > 0 ? size : undefined;
}

/** A field's arguments from the raw variables; what does not coerce has no page size (execution refuses it later). */
function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    return {};
  }
}

/**
 * For each list field, the number of items its page asks for: a list field
 * with first/pageSize is that long; a field with first/pageSize that returns
 * an object (a connection, a search result) makes its list children that long.
 * Fragments are expanded, so a fragment cannot hide a page size.
 */
function listSizes(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): Map<FieldNode, number> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const sizes = new Map<FieldNode, number>();
  let nodes = 0;

  const walk = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined, childListSize: number | undefined): void => {
    for (const selection of selectionSet.selections) {
      if (++nodes > MAX_QUERY_NODES) throw new QueryTooComplexError(`more than ${MAX_QUERY_NODES} selections`);
      if (selection.kind === Kind.FIELD) {
        const field = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[selection.name.value] : undefined;
        if (!field) continue;
        const own = pageSizeOf(argumentsOf(field, selection, variables));
        const isList = isListType(getNullableType(field.type));
        const size = isList ? (own ?? childListSize) : undefined;
        if (size !== undefined) sizes.set(selection, Math.max(size, sizes.get(selection) ?? 0));
        if (selection.selectionSet) walk(selection.selectionSet, getNamedType(field.type), isList ? undefined : own);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType, childListSize);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), childListSize);
      }
    }
  };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  walk(operation.selectionSet, root ?? undefined, undefined);
  return sizes;
}

/** Lists emptied: the library coerces every variable, and 5,000 import items coerced once more cost ~130 ms; no list holds a page size. */
function withoutLists(variables: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, Array.isArray(value) ? [] : value]));
}

/** Costs computed per document (Apollo keeps one parsed document per query text), by what else they depend on; at most this many per document. */
const COSTS_PER_DOCUMENT = 64;
const knownCosts = new WeakMap<DocumentNode, { schema: GraphQLSchema; costs: Map<string, number | QueryTooComplexError> }>();
const directiveVariables = new WeakMap<DocumentNode, string[]>();
const fieldIds = new WeakMap<FieldNode, number>();
let nextFieldId = 0;

/** The variables @skip and @include read: with the page sizes, all a cost depends on beyond its document. */
function variablesOfDirectives(document: DocumentNode): string[] {
  let names = directiveVariables.get(document);
  if (!names) {
    const found = new Set<string>();
    visit(document, { Directive: (directive) => void visit(directive, { Variable: (variable) => void found.add(variable.name.value) }) });
    names = [...found];
    directiveVariables.set(document, names);
  }
  return names;
}

function fieldId(node: FieldNode): number {
  let id = fieldIds.get(node);
  if (id === undefined) fieldIds.set(node, (id = nextFieldId++));
  return id;
}

/**
 * The cost of an operation: every field costs 1 plus what it selects; a list
 * of objects costs what one item selects times the items its page asks for
 * (first/pageSize), or UNPAGED_LIST_SIZE when it has no page argument. Lists
 * of scalars cost 1. Counted through fragments, with the request's variables
 * (page sizes are read from their raw values: an Int is the same coerced).
 * Returns undefined when the variables do not coerce: execution refuses them
 * with BAD_USER_INPUT before any resolver runs. The count itself (a walk of
 * the whole document with type information) is done once per document, page
 * sizes and directive variables.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number | undefined {
  const cheapVariables = withoutLists(variables);
  if (getVariableValues(schema, operation.variableDefinitions ?? [], cheapVariables).errors) return undefined;
  const sizes = listSizes(schema, document, operation, variables);
  const key = JSON.stringify([
    document.definitions.indexOf(operation),
    [...sizes].map(([node, size]) => [fieldId(node), size]),
    variablesOfDirectives(document).map((name) => cheapVariables[name] ?? null),
  ]);
  let known = knownCosts.get(document);
  if (!known || known.schema !== schema) knownCosts.set(document, (known = { schema, costs: new Map() }));
  let cost = known.costs.get(key);
  if (cost === undefined) {
    cost = countCost(schema, document, operation, cheapVariables, sizes);
    if (known.costs.size >= COSTS_PER_DOCUMENT) known.costs.clear();
    known.costs.set(key, cost);
  }
  if (cost instanceof QueryTooComplexError) throw cost;
  return cost;
}

function countCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, sizes: Map<FieldNode, number>): number | QueryTooComplexError {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName: operation.name?.value,
      maxQueryNodes: MAX_QUERY_NODES,
      estimators: [
        ({ field, node, childComplexity }) => {
          // The schema's own description (introspection, refused in production) costs what its size is, not what page sizes would guess.
          if (field.name.startsWith('__')) return 1;
          if (childComplexity === 0 || !isListType(getNullableType(field.type))) return 1 + childComplexity;
          return 1 + childComplexity * (sizes.get(node) ?? UNPAGED_LIST_SIZE);
        },
      ],
    });
  } catch (error) {
    // graphql-query-complexity throws when it has walked more than maxQueryNodes.
    return new QueryTooComplexError((error as Error).message);
  }
}
