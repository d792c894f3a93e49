import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { badInput, DomainError, ErrorCode } from '../common/domain-error';
import { RequestLimits } from '../config/config';
import { hasLargeBody } from '../http/body-limits';
import { ThrottleService } from '../throttling/throttle.service';
import { findOversizedList, ListBounds } from './list-bounds';
import { MAX_QUERY_NODES, QueryTooComplexError, queryCost } from './query-cost';
import { RequestContext } from './request-context';

/** The only operation allowed a body above the ordinary limit. */
const IMPORT_FIELD = 'importModules';

/** Bounds of list arguments the contract allows to be longer than the default. */
const LONG_LIST_ARGUMENTS: Record<string, number> = {
  'Mutation.importModules.items': 5_000,
  'Mutation.markNotificationsRead.ids': 500,
};

const refusal = (error: DomainError, status: number) => new GraphQLError(error.message, { originalError: error, extensions: { http: { status } } });

/**
 * The fields an operation executes at its root, by response key (alias or name), fragments
 * included: what GraphQL merges runs once, and each fragment is read once however often it is spread.
 */
function rootFields(selectionSet: SelectionSetNode, fragments: Map<string, SelectionSetNode>, fields = new Map<string, string>(), seen = new Set<string>()): Map<string, string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.set(selection.alias?.value ?? selection.name.value, selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFields(selection.selectionSet, fragments, fields, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) rootFields(fragment, fragments, fields, seen);
    }
  }
  return fields;
}

/**
 * Limits decided once the operation is parsed and validated, before any
 * resolver runs: a large body must be importModules, list arguments are
 * bounded, the cost of the operation is bounded, and each mutation field
 * counts against its author's write budget. Refusals carry contract codes;
 * a RATE_LIMITED answer also carries a Retry-After header.
 */
export class RequestLimitsPlugin implements ApolloServerPlugin<RequestContext> {
  private readonly listBounds: ListBounds;

  constructor(
    private readonly limits: RequestLimits,
    private readonly throttles: ThrottleService,
  ) {
    this.listBounds = { default: limits.listItems, byArgument: LONG_LIST_ARGUMENTS };
  }

  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    return {
      didResolveOperation: async (request) => this.check(request),
      willSendResponse: async ({ response }) => {
        if (response.body.kind !== 'single') return;
        const waits = (response.body.singleResult.errors ?? []).map((error) => error.extensions?.retryAfterSeconds).filter((wait): wait is number => typeof wait === 'number');
        if (waits.length > 0) response.http.headers.set('retry-after', String(Math.max(...waits)));
      },
    };
  }

  private async check({ schema, document, operation, request, contextValue }: GraphQLRequestContext<RequestContext>): Promise<void> {
    if (!document || !operation) return;
    const fragments = new Map<string, SelectionSetNode>();
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition.selectionSet);
    const fields = rootFields(operation.selectionSet, fragments);

    if (hasLargeBody(contextValue.req) && !(operation.operation === 'mutation' && [...fields.values()].every((name) => name === IMPORT_FIELD))) {
      const message = `Request body too large: at most ${this.limits.bodyBytes} bytes (only importModules may send up to ${this.limits.importBodyBytes})`;
      throw refusal(new DomainError(ErrorCode.BAD_USER_INPUT, message), 413);
    }

    const oversized = findOversizedList(schema, document, request.variables, this.listBounds);
    if (oversized) throw refusal(badInput(oversized.field, `may list at most ${oversized.max} items (got ${oversized.length})`), 400);

    this.checkCost(schema, document, operation, request.variables ?? {});

    if (operation.operation === 'mutation' && contextValue.viewer) {
      try {
        await this.throttles.consumeWrites(contextValue.viewer.id, fields.size);
      } catch (error) {
        if (error instanceof DomainError) throw refusal(error, 429);
        throw error;
      }
    }
  }

  private checkCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): void {
    let cost: number | undefined;
    try {
      cost = queryCost(schema, document, operation, variables);
    } catch (error) {
      if (!(error instanceof QueryTooComplexError)) throw error;
      cost = Infinity;
    }
    if (cost !== undefined && cost > this.limits.queryCost) {
      const measure = Number.isFinite(cost) ? `cost ${cost} exceeds ${this.limits.queryCost}` : `more than ${MAX_QUERY_NODES} selections once fragments are expanded`;
      const message = `Query too costly: ${measure}; ask for smaller pages or fewer fields`;
      throw refusal(new DomainError(ErrorCode.BAD_USER_INPUT, message), 400);
    }
  }
}
